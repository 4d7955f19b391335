import HWCCore
import HWCDomain
import HWCRegister

/// `hwc login` and `hwc logout`: a session, so an officer at the desk is not asked for the
/// passphrase at every command.
enum SessionCommands {
  static let specs = [
    CommandSpec(
      ["login"], abstract: "Start a session: your passphrase is asked once",
      discussion: """
        Until the session ends — after 15 idle minutes, at hwc logout, or when you are disabled —
        commands run as you without asking for your passphrase. The session belongs to you alone:
        a command --as another user still needs that user's own secret. Its token is kept in a
        file only your OS account can read (under $HOME/.hwc/), one per register, and in the
        register only as a hash.
        """,
      options: [
        OptionSpec("as", "USER", "who you are (default: $HWC_USER)"),
        OptionSpec("password-file", "FILE", "your passphrase, from the file's first line"),
      ],
      traits: [.database, .writes]
    ) { invocation in
      guard let name = invocation.actorName, !name.isEmpty else {
        throw DomainError.invalid(field: .actor, "name yourself with --as USER or HWC_USER")
      }
      guard let file = SessionFile(invocation) else {
        throw DomainError.notPermitted("a session needs a home directory ($HOME is not set)")
      }
      let register = try invocation.openRegister()
      let passphrase: String
      if let path = invocation.passwordFile {
        passphrase = try ActorProof.readSecretFile(path, field: .passwordFile)
      } else {
        try register.checkCanProve(name: name)
        guard let ask = invocation.console.readSecret, let typed = ask("passphrase for \(name): ")
        else {
          throw DomainError.notPermitted(
            "\(name) must prove who they are: run hwc login on a terminal or give --password-file FILE"
          )
        }
        passphrase = typed
      }
      let proven = try register.prove(name: name, passphrase: passphrase)
      if let old = file.read() { try register.endSession(token: old.token) }
      let token = try register.startSession(proven)
      try file.write(user: proven.actor.name, token: token)
      invocation.console.print(
        "logged in as \(proven.actor.name); the session ends after 15 idle minutes or at hwc logout"
      )
      return 0
    },
    CommandSpec(
      ["logout"], abstract: "End your session on this register", traits: [.database, .writes]
    ) { invocation in
      guard let file = SessionFile(invocation), let stored = file.read() else {
        invocation.console.print("no session to end")
        return 0
      }
      let owner = try invocation.openRegister().endSession(token: stored.token)
      file.remove()
      invocation.console.print("logged out \(owner ?? stored.user)")
      return 0
    },
  ]
}
