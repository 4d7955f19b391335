import HWCCore
import HWCDomain
import HWCRegister

/// `hwc user passwd|disable|enable|revoke|reset`: a user's secret and the administrator's side of
/// their life in the register.
enum UserLifecycleCommands {
  static let nameArgument = [ArgumentSpec("NAME", "the user's login name")]

  /// How a setup code is shown, the only time it is ever printed.
  static func setupCodeLines(_ code: String, user: String) -> String {
    "  one-time setup code for \(user): \(code)\n"
      + "  (give it to \(user) alone; they set their passphrase with: hwc user passwd --as \(user))"
  }

  static let specs = [
    CommandSpec(
      ["user", "passwd"], abstract: "Set your own passphrase",
      discussion: """
        Asks for your one-time setup code (from hwc user add or hwc user reset) or your current
        passphrase, then the new passphrase twice (at least 10 characters, not your name). Without
        a terminal, --password-file holds the setup code or current passphrase and
        --new-password-file the new one. Ends your sessions.
        """,
      options: [
        OptionSpec("as", "USER", "whose passphrase (default: $HWC_USER)"),
        OptionSpec("password-file", "FILE", "the setup code or current passphrase (first line)"),
        OptionSpec("new-password-file", "FILE", "the new passphrase (first line)"),
      ],
      traits: [.database, .writes]
    ) { invocation in
      let name = invocation.actorName
      let register = try invocation.openRegister()
      let proof: String
      let new: String
      if let file = invocation.passwordFile {
        proof = try ActorProof.readSecretFile(file, field: .passwordFile)
      } else if let ask = invocation.console.readSecret, let name,
        let typed = ask("setup code or current passphrase for \(name): ")
      {
        proof = typed
      } else {
        throw DomainError.invalid(
          field: .passwordFile,
          "give the setup code or current passphrase on a terminal or in --password-file FILE")
      }
      if let file = invocation.value("new-password-file") {
        new = try ActorProof.readSecretFile(file, field: .newPasswordFile)
      } else if let ask = invocation.console.readSecret, let first = ask("new passphrase: "),
        let second = ask("new passphrase again: ")
      {
        guard first == second else {
          throw DomainError.invalid(
            field: .passphrase, "the two passphrases differ; nothing was done")
        }
        new = first
      } else {
        throw DomainError.invalid(
          field: .newPasswordFile,
          "give the new passphrase on a terminal or in --new-password-file FILE")
      }
      try register.setPassphrase(name: name, proof: proof, new: new)
      invocation.console.print("passphrase set for \(name ?? "")")
      return 0
    },
    CommandSpec(
      ["user", "disable"], abstract: "Disable a user at once, ending their sessions (admin)",
      arguments: nameArgument,
      options: [OptionSpec("reason", "TEXT", "why", required: true)],
      traits: [.database, .mutating]
    ) { invocation in
      let (register, actor) = try invocation.openForChange()
      let name = invocation.argument(0) ?? ""
      try register.disableUser(name: name, reason: invocation.value("reason") ?? "", actor: actor)
      invocation.console.print("disabled user \(name)")
      return 0
    },
    CommandSpec(
      ["user", "enable"], abstract: "Enable a disabled user, or unlock a locked one (admin)",
      arguments: nameArgument, traits: [.database, .mutating]
    ) { invocation in
      let (register, actor) = try invocation.openForChange()
      let name = invocation.argument(0) ?? ""
      try register.enableUser(name: name, actor: actor)
      invocation.console.print("enabled user \(name)")
      return 0
    },
    CommandSpec(
      ["user", "revoke"], abstract: "Take a role away from a user (admin)",
      arguments: nameArgument,
      options: [
        OptionSpec(
          "role", "ROLE[@DISTRICT|@CONSERVANCY]", "the role to take away", required: true,
          choices: Role.allCases.map(\.rawValue))
      ],
      traits: [.database, .mutating]
    ) { invocation in
      let (register, actor) = try invocation.openForChange()
      let name = invocation.argument(0) ?? ""
      let role = invocation.value("role") ?? ""
      try register.revokeRole(name: name, role: role, actor: actor)
      invocation.console.print("revoked \(role) from \(name)")
      return 0
    },
    CommandSpec(
      ["user", "reset"],
      abstract: "Replace a user's secret with a new one-time setup code (admin)",
      discussion: """
        The old passphrase stops working and the user's sessions end; the user must set a new
        passphrase with the code (hwc user passwd) before doing anything else. The code is printed
        once and kept only as a hash.
        """,
      arguments: nameArgument, traits: [.database, .mutating]
    ) { invocation in
      let (register, actor) = try invocation.openForChange()
      let name = invocation.argument(0) ?? ""
      let code = try register.resetUser(name: name, actor: actor)
      invocation.console.print("reset user \(name)")
      invocation.console.print(setupCodeLines(code, user: name))
      return 0
    },
  ]
}
