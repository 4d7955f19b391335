import HWCCore
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
        """,
      arguments: [ArgumentSpec("NAME", "the user's login name")],
      options: [
        OptionSpec(
          "role", "ROLE[@DISTRICT|@CONSERVANCY]", "a role to grant", required: true, repeating: true
        ),
        OptionSpec("national-id", "ID", "the user's own IIN or PIN"),
      ],
      traits: [.database, .mutating, .json]
    ) { invocation in
      let (register, actor) = try invocation.openForChange()
      let user = try register.addUser(
        name: invocation.argument(0) ?? "", roles: invocation.values("role"),
        nationalID: invocation.value("national-id"), actor: actor)
      if invocation.json {
        invocation.console.print(user.json)
      } else {
        invocation.console.print("added user \(user.name): \(user.roles.joined(separator: ", "))")
      }
      return 0
    },
    CommandSpec(
      ["user", "list"], abstract: "List users and their roles", traits: [.database, .json]
    ) { invocation in
      let users = try invocation.openRegister().users()
      if invocation.json {
        invocation.console.print(JSON.array(users.map(\.json)))
        return 0
      }
      var table = TextTable(["user", "roles", "since"])
      for user in users {
        table.add([
          user.name, user.roles.joined(separator: ", "), String(user.createdAt.prefix(10)),
        ])
      }
      invocation.console.print(table.text)
      return 0
    },
  ]
}
