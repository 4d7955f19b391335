import HWCCore
import HWCDomain
import HWCRegister

/// `hwc user add` and `hwc user list`.
enum UserCommands {
  static let specs = [
    CommandSpec(
      ["user", "add"], abstract: "Add a user with one or more roles (admin)",
      discussion: """
        Roles: admin, officer, inspector, committee, treasurer, analyst. A role may be scoped to a
        district or a conservancy with @: --role officer@Kaztalov --role committee@Shamshy.
        Unscoped roles are valid everywhere. --national-id records the user's own IIN or PIN, so
        that a user who is also a herder can never approve or reject their own complaint.
        The new user gets a one-time setup code, printed once: give it to them; they set their own
        passphrase with hwc user passwd --as NAME. For scripts, --new-password-file FILE sets
        their first passphrase instead.
        """,
      arguments: [ArgumentSpec("NAME", "the user's login name")],
      options: [
        OptionSpec(
          "role", "ROLE[@DISTRICT|@CONSERVANCY]", "a role to grant", required: true,
          repeating: true,
          choices: Role.allCases.map(\.rawValue)
        ),
        OptionSpec("national-id", "ID", "the user's own IIN or PIN"),
        OptionSpec(
          "new-password-file", "FILE",
          "the user's first passphrase, from the file's first line (else a setup code is printed)"),
      ],
      traits: [.database, .mutating, .json]
    ) { invocation in
      let passphrase = try invocation.value("new-password-file").map {
        try ActorProof.readSecretFile($0, field: .newPasswordFile)
      }
      let (register, actor) = try invocation.openForChange()
      let user = try register.addUser(
        name: invocation.argument(0) ?? "", roles: invocation.values("role"),
        nationalID: invocation.value("national-id"), passphrase: passphrase, setupCode: true,
        actor: actor)
      if invocation.json {
        invocation.console.print(user.json)
      } else {
        invocation.console.print("added user \(user.name): \(user.roles.joined(separator: ", "))")
        if let code = user.setupCode {
          invocation.console.print(UserLifecycleCommands.setupCodeLines(code, user: user.name))
        }
      }
      return 0
    },
    CommandSpec(
      ["user", "list"], abstract: "List users, their roles, status and last activity",
      traits: [.database, .json]
    ) { invocation in
      let register = try invocation.openRegister()
      let users = try register.users()
      let zone = register.officeZone
      if invocation.json {
        invocation.console.print(JSON.array(users.map(\.json)))
        return 0
      }
      var table = TextTable(["user", "roles", "status", "since", "last active"])
      for user in users {
        table.add([
          user.name, user.roles.joined(separator: ", "), user.status,
          zone.localDate(ofTimestamp: user.createdAt)?.description ?? user.createdAt,
          user.lastActiveAt.map(zone.display) ?? "-",
        ])
      }
      invocation.console.print(table.text)
      return 0
    },
  ]
}
