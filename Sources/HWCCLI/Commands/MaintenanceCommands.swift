import HWCCore
import HWCRegister

/// `hwc check` and `hwc backup`.
enum MaintenanceCommands {
  static let specs = [
    CommandSpec(
      ["check"], abstract: "Check the schema, integrity, foreign keys and the audit chain",
      discussion: """
        Checks that the tables, indexes, views and triggers are exactly what hwc's migrations
        made, runs SQLite's integrity_check and foreign_key_check, then verifies the audit chain
        and every audited record. Exit status 1 names the first problem.
        """,
      traits: [.database, .json]
    ) { invocation in
      let report = try invocation.openRegister().check()
      if invocation.json {
        invocation.console.print(
          JSON.object(report.map { ($0.name, JSON.string($0.problem ?? "ok")) }))
      } else {
        for item in report {
          invocation.console.print("\(item.name): \(item.problem ?? "ok")")
        }
      }
      if let failed = report.first(where: { $0.problem != nil }) {
        invocation.console.error("hwc: check failed: \(failed.name): \(failed.problem!)")
        return 1
      }
      return 0
    },
    CommandSpec(
      ["backup"], abstract: "Write a consistent copy of the register while others keep working",
      arguments: [ArgumentSpec("FILE", "where to write the copy (must not exist)")],
      traits: [.database]
    ) { invocation in
      let target = invocation.argument(0)!
      try invocation.openRegister().backup(to: target)
      invocation.console.print("backed up \(invocation.databasePath) to \(target)")
      return 0
    },
  ]
}
