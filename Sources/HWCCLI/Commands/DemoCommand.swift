import HWCCore
import HWCDemo
import HWCDomain
import HWCRegister

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `hwc demo`.
enum DemoCommand {
  static let specs = [
    CommandSpec(
      ["demo"], abstract: "Build a realistic demo register and print its quarterly report",
      discussion: """
        Writes DIR/demo.sqlite: complaints from January 2025 to \(Demo.today), the demo's
        today, in every district and conservancy, generated from a fixed seed and run
        through the register's own commands — claimants, saiga emergencies, the spring and
        autumn migrations in West Kazakhstan, winter predation in the mountains, insured herds,
        budgets, donor contributions, a poaching incident, inspections, assessments, approvals,
        rejections, appeals and payments, with the latest complaints still pending. Prints a
        summary, then the quarterly report of the latest complete quarter; its controls report
        (hwc report controls) goes to DIR/controls-QUARTER.txt. The same seed always
        gives the same register. Refuses to overwrite an existing DIR/demo.sqlite. The users are
        listed by 'hwc user list --db DIR/demo.sqlite'; the administrator is 'admin'. The
        administrator and Kaztalov's officer, inspector, two committee members and treasurer get
        demo passphrases, written to DIR/demo-secrets/NAME.secret (for --password-file; demo
        secrets, never for a real register); the others get theirs with 'hwc user reset'.
        Then DIR/national: a national register fed by one bundle (DIR/bundles) from each of
        three smaller demo offices (DIR/offices: WKO-KAZTALOV, WKO-ZHANIBEK with Bokeyorda,
        KG-CHUY with Kemin and Shamshy), its administrator 'minister' (demo-secrets), and
        prints the national report of the same quarter.
        """,
      options: [OptionSpec("out", "DIR", "directory for demo.sqlite (default: hwc-demo)")],
      traits: []
    ) { invocation in
      let directory = invocation.value("out") ?? "hwc-demo"
      guard !directory.trimmingSpaces.isEmpty else {
        throw DomainError.invalid(field: .out, "is empty; name a directory")
      }
      let path =
        (directory.hasSuffix("/") ? String(directory.dropLast()) : directory)
        + "/demo.sqlite"
      guard access(path, F_OK) != 0 else {
        throw DomainError.invalid(
          field: .out, "\(path) already exists; remove it or choose another directory")
      }
      try makeDirectory(directory)
      let console = invocation.console
      let summary = try Demo.build(path: path) { line in
        if console.errorIsTerminal { console.progress("\r\u{1B}[Khwc demo: \(line)") }
      }
      if console.errorIsTerminal { console.progress("\r\u{1B}[K") }
      let folder = directory + "/demo-secrets"
      let secrets = try DemoSecrets.write(register: path, folder: folder)
      // The summary goes to standard output, before the report.
      for line in summary.lines { console.print(line) }
      console.print(
        "  demo secrets (this demo register only) of \(secrets.joined(separator: ", ")): "
          + "\(folder)/NAME.secret, for --password-file")
      let quarter = summary.latestCompleteQuarter
      let controls = try writeControlsReport(
        register: path, quarter: quarter, folder: directory, environment: invocation.environment)
      console.print("  controls report of \(quarter) (hwc report controls): \(controls)")
      console.print(
        """
          explore it:
            hwc complaint list --quarter \(quarter) --db \(path)
            hwc assess \(summary.sample ?? "KAZ-2026-0001") --explain --db \(path)
            hwc audit verify --db \(path)

        """)
      let reported = CLI.run(
        ["report", "quarterly", "--quarter", quarter, "--db", path],
        environment: invocation.environment, console: console,
        clock: Clock.fixed("\(Demo.today)T18:00:00Z"))
      guard reported == 0 else { return reported }
      let national = try DemoNational.build(directory: directory, secrets: folder) { line in
        if console.errorIsTerminal { console.progress("\r\u{1B}[Khwc demo: \(line)") }
      }
      if console.errorIsTerminal { console.progress("\r\u{1B}[K") }
      console.print("")
      console.print(
        "national register \(national.folder), fed by a bundle from each of three demo offices:")
      for line in national.lines { console.print(line) }
      console.print("")
      return CLI.run(
        ["national", "report", "quarterly", "--quarter", quarter, "--national", national.folder],
        environment: invocation.environment, console: console,
        clock: Clock.fixed("\(Demo.today)T19:00:00Z"))
    }
  ]

  /// Writes the controls report of `quarter` of the demo register at `register` to
  /// `folder/controls-QUARTER.txt`, as `hwc report controls` prints it; returns the file's path.
  static func writeControlsReport(
    register: String, quarter: String, folder: String, environment: [String: String]
  ) throws -> String {
    final class Captured: @unchecked Sendable { var out = "", err = "" }
    let captured = Captured()
    let code = CLI.run(
      ["report", "controls", "--quarter", quarter, "--db", register], environment: environment,
      console: Console(out: { captured.out += $0 }, err: { captured.err += $0 }),
      clock: Clock.fixed("\(Demo.today)T18:00:00Z"))
    guard code == 0 else { throw DomainError.conflict(captured.err.trimmingSpaces) }
    let file =
      (folder.hasSuffix("/") ? String(folder.dropLast()) : folder) + "/controls-\(quarter).txt"
    try TextFile.write(captured.out, to: file)
    return file
  }

  /// Creates `path` and any missing parents (`mkdir -p`).
  static func makeDirectory(_ path: String) throws {
    var prefix = path.hasPrefix("/") ? "/" : ""
    for component in path.split(separator: "/") {
      prefix += component
      if access(prefix, F_OK) != 0, mkdir(prefix, 0o755) != 0, errno != EEXIST {
        let why =
          errno == EACCES || errno == EROFS
          ? "this account may not write in the folder \(CLI.folder(of: prefix))"
          : String(cString: strerror(errno)).lowercased()
        throw DomainError.invalid(
          field: .out, "cannot create the folder \(prefix): \(why); choose another --out")
      }
      prefix += "/"
    }
  }
}
