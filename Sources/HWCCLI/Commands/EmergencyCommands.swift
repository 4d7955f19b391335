import HWCCore
import HWCRegister

/// `hwc emergency revoke|correct|list`: an emergency declared in error is revoked or corrected
/// while no assessment depends on it; the old values are kept.
enum EmergencyCommands {
  static let specs = [revoke, correct, list]

  static let id = ArgumentSpec("ID", "the emergency's number, as 'emergency declare' printed it")

  static let revoke = CommandSpec(
    ["emergency", "revoke"], abstract: "Revoke an emergency declared in error (admin)",
    discussion: """
      Refused while an assessment that stands used the emergency (appeal those complaints first).
      A revoked emergency no longer makes saiga damage payable in later assessments; it stays in
      the register, marked revoked, with the reason.
      """,
    arguments: [id], options: [CorrectionCommands.reason], traits: [.database, .mutating, .json]
  ) { invocation in
    let (register, actor) = try invocation.openForChange()
    let record = try register.revokeEmergency(
      invocation.argument(0)!, reason: invocation.value("reason")!, actor: actor)
    if invocation.json {
      invocation.console.print(record.json)
    } else {
      invocation.console.print("revoked emergency \(record.label)")
    }
    return 0
  }

  static let correct = CommandSpec(
    ["emergency", "correct"], abstract: "Correct an emergency's window or decree (admin)",
    discussion: """
      Give only what changes. Refused while an assessment that stands used the emergency (appeal
      those complaints first), and when the new window overlaps another emergency of the
      district. The old values are kept with the reason.
      """,
    arguments: [id],
    options: [
      OptionSpec("from", "DATE", "first day covered"),
      OptionSpec("to", "DATE", "last day covered"),
      OptionSpec("decree", "REF", "the decree's reference"),
      CorrectionCommands.reason,
    ],
    traits: [.database, .mutating, .json]
  ) { invocation in
    let (register, actor) = try invocation.openForChange()
    let (record, changes) = try register.correctEmergency(
      invocation.argument(0)!, from: invocation.value("from"), to: invocation.value("to"),
      decree: invocation.value("decree"), reason: invocation.value("reason")!, actor: actor)
    return CorrectionCommands.report(
      invocation, json: record.json, "corrected emergency \(record.label)", changes)
  }

  static let list = CommandSpec(
    ["emergency", "list"], abstract: "List declared emergencies, revoked ones marked",
    options: [OptionSpec("district", "D", "only this district")], traits: [.database, .json]
  ) { invocation in
    let register = try invocation.openRegister()
    let records = try register.emergencies(district: invocation.value("district"))
    let corrections = try records.map { try register.emergencyCorrections($0.id) }
    if invocation.json {
      invocation.console.print(
        JSON.array(
          zip(records, corrections).map { record, corrections in
            JSON.object(
              record.jsonFields + [("corrections", .array(corrections.map(\.json)))])
          }))
      return 0
    }
    var table = TextTable(["id", "district", "from", "to", "decree", "revoked"])
    var history: [String] = []
    for (record, corrections) in zip(records, corrections) {
      table.add([
        "#\(record.id)", record.district, record.from, record.to, record.decree,
        record.revoked ? "revoked" : "",
      ])
      for correction in corrections {
        let verb = correction.action == "revoke" ? "revoked" : "corrected"
        history.append(
          "#\(record.id) \(verb) \(register.officeZone.display(correction.at)) by \(correction.actor): \(correction.reason)"
        )
        if correction.action != "revoke" {
          history += correction.changes.map { "    \($0.text)" }
        }
      }
    }
    invocation.console.print(
      ([table.text + "\(records.count) emergency(ies)"] + history).joined(separator: "\n"))
    return 0
  }
}
