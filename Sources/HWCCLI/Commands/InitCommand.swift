import HWCCore
import HWCRegister

/// `hwc init`: create or upgrade the register.
enum InitCommand {
  static let specs = [
    CommandSpec(
      ["init"], abstract: "Create or upgrade the register and seed reference data",
      discussion: """
        On a new file: creates the register (mode 0600: it holds personal data), applies every
        migration and creates the first administrator. On an existing register: applies the
        migrations it lacks; refuses a register made by a newer hwc or whose applied migrations
        were edited.
        """,
      options: [OptionSpec("admin", "NAME", "name of the first administrator (default: admin)")],
      traits: [.database, .json]
    ) { invocation in
      let admin = invocation.value("admin") ?? "admin"
      let (_, result) = try Register.initialize(
        path: invocation.databasePath, admin: admin, clock: invocation.clock)
      if invocation.json {
        invocation.console.print(
          JSON.object([
            ("db", .string(invocation.databasePath)), ("created", .bool(result.created)),
            ("applied", .array(result.applied.map(JSON.string))),
            ("admin", .optional(result.admin)),
          ]))
        return 0
      }
      let path = invocation.databasePath
      invocation.console.print(
        result.created
          ? "created register \(path)"
          : result.applied.isEmpty ? "register \(path) is up to date" : "upgraded register \(path)")
      for name in result.applied { invocation.console.print("  applied \(name)") }
      if let admin = result.admin {
        invocation.console.print(
          "  administrator: \(admin) (add users with: hwc user add NAME --role ROLE --as \(admin))")
      }
      return 0
    }
  ]
}
