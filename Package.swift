// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "hwc",
  platforms: [.macOS(.v14)],
  products: [
    .executable(name: "hwc", targets: ["hwc"])
  ],
  targets: [
    .systemLibrary(
      name: "CSQLite",
      path: "Sources/CSQLite",
      providers: [.apt(["libsqlite3-dev"])]
    ),
    // SHA-256 compression on the CPU's SHA extensions (x86-64), selected at run time by HWCCore.
    .target(name: "CSHA256"),
    // Pure building blocks: SHA-256, CSV, JSON text, calendar dates, money.
    .target(name: "HWCCore", dependencies: ["CSHA256"]),
    // The domain: reference data, claimants, complaints, national IDs, validation.
    .target(name: "HWCDomain", dependencies: ["HWCCore"]),
    // SQLite connection, statements, transactions, migrations. Knows nothing of the domain.
    .target(name: "HWCStore", dependencies: ["CSQLite", "HWCCore"]),
    // The rules engine: pure, policy and facts in, assessment out; no SQL.
    .target(name: "HWCRules", dependencies: ["HWCCore", "HWCDomain"]),
    // The small template language used by reports; numbers are written by HWCCore.
    .target(name: "HWCTemplates", dependencies: ["HWCCore"]),
    // The register: domain operations persisted through the store, with the audit chain.
    .target(
      name: "HWCRegister", dependencies: ["HWCCore", "HWCDomain", "HWCStore", "HWCRules"],
      plugins: ["EmbedFiles"]),
    // Reports: one value built from the register, rendered as text (templates), CSV and JSON.
    .target(
      name: "HWCReports",
      dependencies: [
        "HWCCore", "HWCDomain", "HWCRegister", "HWCRules", "HWCTemplates",
      ],
      plugins: ["EmbedFiles"]),
    // The demo register: a realistic, seeded history run through the register's operations.
    .target(name: "HWCDemo", dependencies: ["HWCCore", "HWCDomain", "HWCRegister", "HWCRules"]),
    // The ministry's national register: a folder with its own small SQLite file and audit chain
    // (offices, keys, accepted and refused bundles) and one verified replica per office.
    .target(
      name: "HWCNational", dependencies: ["HWCCore", "HWCDomain", "HWCStore", "HWCRegister"]),
    // Commands declared as data, argument parsing, help, output.
    .target(
      name: "HWCCLI",
      dependencies: [
        "HWCCore", "HWCDomain", "HWCRegister", "HWCRules", "HWCTemplates", "HWCReports", "HWCDemo",
        "HWCNational",
      ]),
    // Build tool: embeds migrations and templates so the executable is self-contained.
    .executableTarget(name: "hwc-embed", path: "Sources/hwc-embed"),
    .plugin(
      name: "EmbedFiles", capability: .buildTool(), dependencies: ["hwc-embed"],
      path: "Sources/EmbedFiles"),
    .executableTarget(name: "hwc", dependencies: ["HWCCLI"]),
    // `make bench`: a seeded, realistic complaint CSV and its inspection forms, of any size.
    .target(name: "HWCBench", dependencies: ["HWCCore", "HWCDomain"]),
    // `make bench`: runs hwc and the sqlite3 baselines as child processes and times them; reads
    // its counts and choices through the register.
    .executableTarget(
      name: "hwc-bench", dependencies: ["HWCBench", "HWCCore", "HWCDomain", "HWCRegister"],
      path: "Sources/hwc-bench"),
    // Helpers the test targets share (temporary directories, sample and generated national IDs,
    // tampering with a register file); in no product.
    .target(
      name: "HWCTestSupport", dependencies: ["HWCCore", "HWCDomain", "HWCStore", "HWCRegister"],
      path: "Tests/HWCTestSupport"),
    .testTarget(name: "HWCCoreTests", dependencies: ["HWCCore"]),
    .testTarget(name: "HWCDomainTests", dependencies: ["HWCDomain"]),
    .testTarget(name: "HWCStoreTests", dependencies: ["HWCStore", "HWCTestSupport"]),
    .testTarget(name: "HWCRulesTests", dependencies: ["HWCRules"]),
    .testTarget(name: "HWCTemplatesTests", dependencies: ["HWCTemplates", "HWCTestSupport"]),
    .testTarget(
      name: "HWCRegisterTests", dependencies: ["HWCRegister", "HWCStore", "HWCTestSupport"]),
    .testTarget(
      name: "HWCReportsTests",
      dependencies: [
        "HWCReports", "HWCRegister", "HWCDemo", "HWCRules", "HWCStore", "HWCCore", "HWCTestSupport",
      ],
      exclude: ["Golden"]),
    .testTarget(
      name: "HWCDemoTests", dependencies: ["HWCDemo", "HWCRegister", "HWCCore", "HWCTestSupport"]),
    .testTarget(
      name: "HWCBenchTests",
      dependencies: [
        "HWCBench", "HWCRegister", "HWCDomain", "HWCCore", "HWCStore", "HWCTestSupport",
      ]),
    .testTarget(
      name: "HWCNationalTests",
      dependencies: ["HWCNational", "HWCRegister", "HWCStore", "HWCCore", "HWCTestSupport"]),
    .testTarget(
      name: "HWCCLITests",
      dependencies: [
        "HWCCLI", "HWCRegister", "HWCDomain", "HWCStore", "HWCTestSupport", "HWCNational",
      ],
      exclude: ["Transcripts"]),
    // Issue #11's reliability suite: kills, concurrent processes, fuzzers, faults, tampering.
    // Short in `make test`; `make reliability` (HWC_RELIABILITY=long) runs the same tests longer.
    .testTarget(
      name: "HWCReliabilityTests",
      dependencies: [
        "HWCCLI", "HWCCore", "HWCRegister", "HWCStore", "HWCTemplates", "HWCTestSupport",
      ]),
  ],
  swiftLanguageModes: [.v6]
)
