import Foundation
import HWCStore
import HWCTestSupport
import Testing

/// Faults an office meets, each tried with reading and writing commands of the built `hwc`: a
/// full disk (`ulimit -f`), a read-only register file and folder, a file that is not a database,
/// a truncated register, a register made by a newer hwc. Each refusal is one sentence with exit
/// 1, and the register file's bytes and modification time are the same after every command.
@Suite(.serialized) struct FaultTests {
  /// What a command may do under a fault.
  enum Expect: Sendable { case works, refused, either }

  /// A fault: how to make it on a fresh copy, and what reads and writes must do under it.
  struct Fault: Sendable {
    let name: String
    /// Changes the copy (`register`, in `folder`) to show the fault; returns a `sh` prefix.
    let make: @Sendable (_ register: String, _ folder: String) throws -> String
    let reads: Expect
    let writes: Expect
  }

  static let faults: [Fault] = [
    // Readers too may be refused: a WAL register is read through its shared-memory index file,
    // which a full disk cannot make.
    Fault(
      name: "disk full", make: { _, _ in "ulimit -f 4; trap '' XFSZ; " }, reads: .either,
      writes: .refused),
    Fault(
      name: "read-only file",
      make: { register, _ in
        chmod(register, 0o444)
        return ""
      }, reads: .works, writes: .refused),
    Fault(
      name: "read-only folder",
      make: { register, folder in
        chmod(register, 0o444)
        chmod(folder, 0o555)
        return ""
      }, reads: .works, writes: .refused),
    Fault(
      name: "not a database",
      make: { register, _ in
        let text = String(repeating: "minutes of the committee, not a register\n", count: 200)
        try text.write(toFile: register, atomically: false, encoding: .utf8)
        return ""
      }, reads: .refused, writes: .refused),
    Fault(
      name: "truncated to its header",
      make: { register, _ in
        try truncate(register, to: 60)
        return ""
      }, reads: .refused, writes: .refused),
    Fault(
      name: "truncated to half",
      make: { register, _ in
        let size = try FileManager.default.attributesOfItem(atPath: register)[.size] as? Int ?? 0
        try truncate(register, to: size / 2)
        return ""
      }, reads: .refused, writes: .refused),
    Fault(
      name: "newer schema",
      make: { register, _ in
        try Database(path: register, create: false).execute(
          "INSERT INTO schema_migration (name, checksum) VALUES ('0099_from_a_newer_hwc', 'f00d')")
        return ""
      }, reads: .refused, writes: .refused),
  ]

  static func truncate(_ path: String, to size: Int) throws {
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
    try handle.truncate(atOffset: UInt64(size))
    try handle.close()
  }

  /// The register's bytes and modification time.
  static func state(_ path: String) throws -> (Data, Date) {
    let attributes = try FileManager.default.attributesOfItem(atPath: path)
    return (
      try #require(FileManager.default.contents(atPath: path)),
      attributes[.modificationDate] as? Date ?? .distantPast
    )
  }

  /// Gives `paths` to `nobody` when the tests run as root, so that permissions bind the child.
  static func handOver(_ paths: [String]) {
    guard geteuid() == 0 else { return }
    for path in paths { chown(path, 65534, 65534) }
  }

  @Test func everyFaultIsOneSentenceAndLeavesTheFileAsItWas() throws {
    _ = Reliability.generator("faults")  // nothing random: the seed is printed
    let office = try ArgumentFuzzTests.office()
    let csv = office.folder.write("field.csv", KillTests.attacks(300, refPrefix: "D"))
    chmod(csv, 0o644)
    let out = TemporaryDirectory(prefix: "hwc-fault-out")
    chmod(out.path, 0o777)
    let reads: [[String]] = [["complaint", "list"], ["check"], ["audit", "verify"], ["backup"]]
    let writes: [[String]] = [
      ["complaint", "import", csv, "--as", "dauren"],
      ArgumentFuzzTests.registration() + ["--as", "dauren"],
      ["user", "add", "zarina", "--role", "officer@Kaztalov", "--as", "admin"],
    ]
    var tried = 0
    for fault in Self.faults {
      // A backup only reads the register, but it writes a file: a full disk refuses it.
      let backup = fault.name == "disk full" ? Expect.refused : fault.reads
      let commands =
        reads.map { ($0, $0 == ["backup"] ? backup : fault.reads) }
        + writes.map { ($0, fault.writes) }
      for (words, expect) in commands {
        tried += 1
        let folder = TemporaryDirectory(prefix: "hwc-fault")
        let register = folder.file("hwc.sqlite")
        try FileManager.default.copyItem(atPath: office.db, toPath: register)
        var secrets: [String] = []
        for user in ["dauren", "admin"] {
          secrets.append(folder.file("secret-\(user)"))
          try FileManager.default.copyItem(atPath: office.secret(user), toPath: secrets.last!)
        }
        Self.handOver([folder.path, register] + secrets)
        chmod(folder.path, 0o755)
        let prefix = try fault.make(register, folder.path)
        defer { chmod(folder.path, 0o755) }
        let before = try Self.state(register)
        var command = [office.hwc] + words
        if words == ["backup"] { command.append(out.file("copy-\(tried).sqlite")) }
        if let actor = words.firstIndex(of: "--as").map({ words[$0 + 1] }) {
          command += ["--password-file", folder.file("secret-\(actor)")]
        }
        let script = prefix + "exec " + command.map(ChildProcess.quoted).joined(separator: " ")
        let outcome = try ChildProcess.shellAsUnprivileged(
          script, environment: ["HWC_DB": register, "HOME": folder.path, "PATH": "/usr/bin:/bin"])
        let context = "\(fault.name): hwc \(words.prefix(3).joined(separator: " "))"
        switch expect {
        case .works: #expect(outcome.code == 0, "\(context): \(outcome)")
        case .refused: #expect(outcome.code == 1, "\(context): \(outcome)")
        case .either: #expect([0, 1].contains(outcome.code), "\(context): \(outcome)")
        }
        if outcome.code == 1 {
          #expect(outcome.errLines.count == 1, "\(context): \(outcome)")
        }
        Refusal.expectClean(outcome, ids: [SampleIDs.yerlan], register: register, context)
        let after = try Self.state(register)
        #expect(after.0 == before.0, "\(context): the register's bytes changed")
        #expect(after.1 == before.1, "\(context): the register's modification time changed")
      }
    }
    Reliability.report(
      "faults",
      "\(Self.faults.count) faults × \(reads.count + writes.count) commands = \(tried) "
        + "runs of the built hwc: every refusal one sentence, no register file changed")
  }
}
