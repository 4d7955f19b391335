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
      ["backup"], abstract: "Write a checked copy of the register while others keep working",
      discussion: """
        Copies one snapshot of the register to a temporary file beside FILE, however busy
        others are writing meanwhile (their later work is not in the copy), checks the copy as
        `hwc check` does, and only then gives it the name FILE. On any failure no FILE is left,
        so the same name can be tried again. Prints the copy's size, the time taken and the
        anchor of its last audit entry; see the README's "Backup and restore" to restore one.
        """,
      arguments: [ArgumentSpec("FILE", "where to write the copy (must not exist)")],
      traits: [.database, .json]
    ) { invocation in
      let target = invocation.argument(0)!
      try Register.checkBackupTarget(target)
      let result = try invocation.openRegister().backup(to: target)
      if invocation.json {
        invocation.console.print(
          JSON.object([
            ("path", .string(result.path)), ("bytes", .int(result.bytes)),
            ("milliseconds", .int(Int((result.seconds * 1000).rounded()))),
            ("copy_milliseconds", .int(Int((result.copySeconds * 1000).rounded()))),
            ("checked", .bool(true)), ("checks", .array(result.checked.map(JSON.string))),
            ("audit_entries", .int(result.auditEntries)),
            ("anchor", .optional(result.anchor?.description)),
          ]))
        return 0
      }
      let checks = result.checked.map {
        $0 == "audit chain"
          ? "audit chain: \(NumberStyle.english.integer(result.auditEntries)) entries" : $0
      }
      invocation.console.print(
        "backed up to \(target): \(size(result.bytes)) in \(seconds(result.seconds)) s "
          + "(copy \(seconds(result.copySeconds)) s), "
          + "checked (\(checks.joined(separator: ", ")))")
      if let anchor = result.anchor {
        invocation.console.print("anchor \(anchor) (the copy's last audit entry)")
      }
      return 0
    },
  ]
}

/// `bytes` in decimal units with one decimal: 71_234_567 → `71.2 MB`; under 1 KB, in bytes.
private func size(_ bytes: Int) -> String {
  for (unit, name) in [(1_000_000_000, "GB"), (1_000_000, "MB"), (1_000, "KB")] where bytes >= unit
  {
    let tenths = (bytes * 10 + unit / 2) / unit
    return "\(NumberStyle.english.integer(tenths / 10)).\(tenths % 10) \(name)"
  }
  return "\(bytes) bytes"
}

/// `seconds` with two decimals: 0.4123 → `0.41`.
private func seconds(_ seconds: Double) -> String {
  let hundredths = Int((seconds * 100).rounded())
  return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
}
