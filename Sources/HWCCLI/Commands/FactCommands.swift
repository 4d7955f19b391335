import HWCCore
import HWCRegister

/// `hwc emergency declare`, `hwc incident record`, `hwc herd insure`.
enum FactCommands {
  static let specs = [
    CommandSpec(
      ["emergency", "declare"], abstract: "Declare an emergency in a district (admin)",
      discussion: """
        Kazakh law pays saiga damage only under a declared emergency: a kz-state complaint about
        saiga is eligible only when an emergency of its district covers the incident date
        (both ends included).
        """,
      options: [
        OptionSpec("district", "D", "the district", required: true),
        OptionSpec("from", "DATE", "first day covered", required: true),
        OptionSpec("to", "DATE", "last day covered", required: true),
        OptionSpec("decree", "REF", "the decree's reference", required: true),
      ],
      traits: [.database, .mutating, .json]
    ) { invocation in
      let (register, actor) = try invocation.openForChange()
      let id = try register.declareEmergency(
        district: invocation.value("district")!, from: invocation.value("from")!,
        to: invocation.value("to")!, decree: invocation.value("decree")!, actor: actor)
      return report(invocation, id: id, "declared emergency #\(id)")
    },
    CommandSpec(
      ["incident", "record"],
      abstract: "Record poaching or a retaliatory killing in a conservancy",
      discussion: """
        The conservation clause: buffer payments in the conservancy are suspended for losses
        within 365 days after such an incident.
        """,
      options: [
        OptionSpec("conservancy", "C", "the conservancy", required: true),
        OptionSpec("kind", "poaching|retaliatory_killing", "what happened", required: true),
        OptionSpec("date", "YYYY-MM-DD", "when", required: true),
        OptionSpec("note", "TEXT", "details"),
      ],
      traits: [.database, .mutating, .json]
    ) { invocation in
      let (register, actor) = try invocation.openForChange()
      let id = try register.recordIncident(
        conservancy: invocation.value("conservancy")!, kind: invocation.value("kind")!,
        date: invocation.value("date")!, note: invocation.value("note"), actor: actor)
      return report(invocation, id: id, "recorded incident #\(id)")
    },
    CommandSpec(
      ["herd", "insure"], abstract: "Insure heads in the claimant's conservancy buffer fund",
      discussion: """
        Insures heads of one class (sheep_goat, cattle, horse, yak) for a season (calendar year)
        and records the premium due (premium per head in force on 1 January of the season).
        """,
      options: [
        OptionSpec("claimant", "NATIONAL_ID", "the claimant's national ID", required: true),
        OptionSpec("season", "YYYY", "the season", required: true),
        OptionSpec("class", "CLASS", "livestock class", required: true),
        OptionSpec("heads", "N", "heads insured", required: true),
      ],
      traits: [.database, .mutating, .json]
    ) { invocation in
      let (register, actor) = try invocation.openForChange()
      let (id, premium) = try register.insureHerd(
        nationalID: invocation.value("claimant")!, season: invocation.value("season")!,
        livestockClass: invocation.value("class")!, heads: invocation.value("heads")!,
        actor: actor)
      if invocation.json {
        invocation.console.print(JSON.object([("id", .int(id)), ("premium_minor", .int(premium))]))
      } else {
        invocation.console.print(
          "insured: record #\(id), premium due \(Money.text(premium, "KGS"))")
      }
      return 0
    },
  ]

  static func report(_ invocation: Invocation, id: Int, _ text: String) -> Int32 {
    if invocation.json {
      invocation.console.print(JSON.object([("id", .int(id))]))
    } else {
      invocation.console.print(text)
    }
    return 0
  }
}
