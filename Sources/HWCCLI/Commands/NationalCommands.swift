import HWCCore
import HWCDomain
import HWCNational

/// `hwc national init`, and what every national command shares: `--national DIR` (or
/// `HWC_NATIONAL`), and the national user proving who acts (`--as`, `--password-file`).
enum NationalCommands {
  static let specs =
    [initSpec] + NationalEnrollCommand.specs + NationalAcceptCommand.specs
    + NationalStatusCommand.specs + NationalVerifyCommand.specs

  /// `--national DIR`, taken by every national command.
  static let folderOption = OptionSpec(
    "national", "DIR", "the national register's folder (default: $HWC_NATIONAL)")

  /// `--as` and `--password-file` of a command that changes the national register.
  static let actorOptions = [
    OptionSpec("as", "USER", "the national user doing this (default: $HWC_USER)"),
    OptionSpec(
      "password-file", "FILE",
      "read the user's passphrase from the file's first line (default: $HWC_PASSWORD_FILE)"),
  ]

  static let initSpec = CommandSpec(
    ["national", "init"], abstract: "Create the ministry's national register (a folder)",
    discussion: """
      Creates DIR (or uses it when empty) with national.sqlite, the national register's own
      small database and audit chain, and offices/, where each office's verified replica is
      kept. The first national administrator (--admin, default admin) gets the passphrase in
      --new-password-file; national commands that change something prove it with --as and
      --password-file. A folder that already is a national register is left as it is.
      """,
    options: [
      folderOption,
      OptionSpec("admin", "NAME", "the first national administrator (default: admin)"),
      OptionSpec(
        "new-password-file", "FILE", "the administrator's passphrase (first line)", required: true),
    ],
    traits: [.json]
  ) { invocation in
    let folder = try invocation.nationalFolder()
    let admin = invocation.value("admin") ?? "admin"
    let passphrase = try ActorProof.readSecretFile(
      invocation.value("new-password-file") ?? "", field: .newPasswordFile)
    let result = try NationalRegister.initialize(
      folder: folder, admin: admin, passphrase: passphrase, origin: invocation.origin,
      clock: invocation.clock)
    if invocation.json {
      invocation.console.print(
        JSON.object([
          ("national", .string(folder)), ("created", .bool(result.created)),
          ("admin", .optional(result.admin)),
        ]))
    } else if result.created {
      invocation.console.print("created national register \(folder)")
      invocation.console.print(
        "  administrator: \(admin) (enrol offices with: hwc national enroll --office CODE "
          + "--district D --as \(admin))")
    } else {
      invocation.console.print("\(folder) is already a national register; nothing changed")
    }
    return 0
  }
}

extension Invocation {
  /// The national register's folder: `--national`, else `HWC_NATIONAL`.
  func nationalFolder() throws -> String {
    guard
      let folder = value("national")
        ?? environment["HWC_NATIONAL"].flatMap({ $0.isEmpty ? nil : $0 })
    else {
      throw DomainError.invalid(
        field: .file, "name the national register's folder with --national DIR (or HWC_NATIONAL)")
    }
    return folder
  }

  /// Opens the national register of this command, recording the command in its chain.
  func openNational(readOnly: Bool = false) throws -> NationalRegister {
    try NationalRegister.open(
      folder: nationalFolder(), clock: clock, command: auditCommand, readOnly: readOnly)
  }

  /// Opens the national register and proves the national user acting (`--as` with
  /// `--password-file`, else the passphrase asked on a terminal).
  func openNationalForChange() throws -> (NationalRegister, NationalActor) {
    let national = try openNational()
    guard let name = actorName.flatMap({ $0.isEmpty ? nil : $0 }) else {
      throw DomainError.invalid(field: .actor, "name the national user acting with --as NAME")
    }
    let passphrase: String
    if let file = passwordFile {
      passphrase = try ActorProof.readSecretFile(file, field: .passwordFile)
    } else if let ask = console.readSecret, let typed = ask("passphrase for \(name): ") {
      passphrase = typed
    } else {
      throw DomainError.notPermitted(
        "\(name) must prove who they are: give --password-file FILE (or HWC_PASSWORD_FILE), "
          + "or run this on a terminal to be asked the passphrase")
    }
    return (national, try national.prove(name: name, passphrase: passphrase, origin: origin))
  }
}
