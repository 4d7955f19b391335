import HWCCore
import HWCDomain
import HWCRegister

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `hwc init`: create or upgrade the register.
enum InitCommand {
  static let specs = [
    CommandSpec(
      ["init"], abstract: "Create or upgrade the register and seed reference data",
      discussion: """
        On a new file: creates the register (mode 0600: it holds personal data), applies every
        migration and creates the first administrator. On an existing register: applies the
        migrations it lacks; refuses a register made by a newer hwc or whose applied migrations
        were edited. The administrator gets the passphrase in --password-file (or
        HWC_PASSWORD_FILE), or else a one-time setup code, printed once, with which they set their
        own (hwc user passwd). On a register made before users had secrets, the same gives the
        administrator named by --admin a first secret.
        """,
      options: [
        OptionSpec("admin", "NAME", "name of the first administrator (default: admin)"),
        OptionSpec(
          "timezone", "ZONE",
          "the office's time zone for a new register (default Asia/Oral, UTC+5), e.g. "
            + "Asia/Almaty or Asia/Bishkek; later changed with 'hwc timezone set'"),
        OptionSpec(
          "office", "CODE",
          "the office a new register belongs to, e.g. WKO-KAZTALOV (needs --district); without it "
            + "the register serves every district"),
        OptionSpec("district", "D", "a district the office serves", repeating: true),
        OptionSpec("conservancy", "C", "a conservancy the office serves", repeating: true),
        OptionSpec(
          "password-file", "FILE",
          "the administrator's passphrase, from the file's first line (else a setup code is printed)"
        ),
      ],
      traits: [.database, .json]
    ) { invocation in
      let admin = invocation.value("admin") ?? "admin"
      let zone = try invocation.value("timezone").map {
        try InitCommand.newRegisterZone($0, path: invocation.databasePath)
      }
      let office = try InitCommand.newRegisterOffice(invocation)
      let passphrase = try invocation.passwordFile.map {
        try ActorProof.readSecretFile($0, field: .passwordFile)
      }
      let (_, result) = try Register.initialize(
        path: invocation.databasePath, admin: admin, passphrase: passphrase, setupCode: true,
        origin: invocation.origin, clock: invocation.clock, timeZone: zone, office: office)
      if invocation.json {
        invocation.console.print(
          JSON.object([
            ("db", .string(invocation.databasePath)), ("created", .bool(result.created)),
            ("applied", .array(result.applied.map(JSON.string))),
            ("admin", .optional(result.admin)), ("setup_code", .optional(result.setupCode)),
          ]))
        return 0
      }
      let path = invocation.databasePath
      invocation.console.print(
        result.created
          ? "created register \(path)"
          : result.applied.isEmpty ? "register \(path) is up to date" : "upgraded register \(path)")
      for name in result.applied { invocation.console.print("  applied \(name)") }
      if let office {
        invocation.console.print(
          "  office: \(office.code) (" + office.districts.map(\.name.en).joined(separator: ", ")
            + "); set its key with: hwc office key --set HEX")
      }
      if let admin = result.admin {
        invocation.console.print(
          "  administrator: \(admin) (add users with: hwc user add NAME --role ROLE --as \(admin))")
      }
      if let code = result.setupCode {
        invocation.console.print(UserLifecycleCommands.setupCodeLines(code, user: admin))
      }
      return 0
    }
  ]

  /// The office `--office`, `--district` and `--conservancy` name, checked against the reference
  /// data a new register holds before anything is written; nil without `--office`. Refused on
  /// an existing register, and `--district`/`--conservancy` without `--office`.
  static func newRegisterOffice(_ invocation: Invocation) throws -> Office? {
    let districts = invocation.values("district")
    let conservancies = invocation.values("conservancy")
    guard let code = invocation.value("office") else {
      guard districts.isEmpty, conservancies.isEmpty else {
        throw DomainError.invalid(
          field: .office, "--district and --conservancy on 'hwc init' need --office CODE")
      }
      return nil
    }
    if access(invocation.databasePath, F_OK) == 0 {
      throw Register.officeOnExistingRegister(invocation.databasePath)
    }
    return try Register.resolveOffice(
      code: code, districts: districts, conservancies: conservancies,
      reference: Register.shippedReference())
  }

  /// The zone `--timezone` names, checked before anything is written; refused on an existing
  /// register, whose zone an administrator changes with `hwc timezone set` (audited).
  static func newRegisterZone(_ text: String, path: String) throws -> OfficeZone {
    if access(path, F_OK) == 0 {
      throw DomainError.invalid(
        field: .timezone,
        "\(path) already exists; an administrator changes its zone with 'hwc timezone set ZONE'")
    }
    return try Register.resolveZone(text, field: .timezone)
  }
}
