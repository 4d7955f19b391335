import HWCCore
import HWCRegister

/// `hwc claimant add|list|show`.
enum ClaimantCommands {
  static let specs = [
    CommandSpec(
      ["claimant", "add"], abstract: "Register a claimant (officer of the district)",
      discussion: """
        The national ID is checked as it is typed: a Kazakh IIN (12 digits, birth date, century
        digit and check digit) for a Kazakh district, a Kyrgyz PIN (14 digits, sex digit and birth
        date) for a Kyrgyz one. Reports and exports show it masked. The declared herd (heads per
        class: sheep_goat, cattle, horse, camel, yak) is used to flag claims above it. --lang
        records the language the claimant reads: their receipts and letters are printed in it
        unless --lang is given there.
        """,
      options: [
        OptionSpec("name", "N", "full name", required: true),
        OptionSpec("id", "NATIONAL_ID", "IIN (Kazakhstan) or PIN (Kyrgyzstan)", required: true),
        OptionSpec("district", "D", "home district", required: true),
        OptionSpec("village", "V", "village"),
        OptionSpec("conservancy", "C", "conservancy the claimant belongs to (Kyrgyzstan)"),
        OptionSpec("herd", "CLASS=HEADS", "declared herd, e.g. sheep_goat=120", repeating: true),
        OptionSpec(
          "lang", "LANG", "language of the claimant's receipts and letters, e.g. kk, ky, ru"),
      ],
      traits: [.database, .mutating, .json]
    ) { invocation in
      let (register, actor) = try invocation.openForChange()
      let record = try register.addClaimant(
        ClaimantDraft(
          name: invocation.value("name") ?? "", nationalID: invocation.value("id") ?? "",
          district: invocation.value("district") ?? "", village: invocation.value("village"),
          conservancy: invocation.value("conservancy"), herd: invocation.values("herd"),
          lang: invocation.value("lang")),
        actor: actor)
      if invocation.json {
        invocation.console.print(record.json)
      } else {
        invocation.console.print(
          "added claimant \(record.name) (\(record.maskedID)), \(record.district)")
      }
      return 0
    },
    CommandSpec(
      ["claimant", "list"], abstract: "List claimants (national IDs masked)",
      options: [OptionSpec("district", "D", "only this district")], traits: [.database, .json]
    ) { invocation in
      let claimants = try invocation.openRegister().claimants(
        district: invocation.value("district"))
      if invocation.json {
        invocation.console.print(JSON.array(claimants.map(\.json)))
        return 0
      }
      var table = TextTable(
        ["national ID", "name", "district", "village", "complaints"], rightAligned: [4])
      for claimant in claimants {
        table.add([
          claimant.maskedID, claimant.name, claimant.district, claimant.village ?? "",
          String(claimant.complaints),
        ])
      }
      invocation.console.print(table.text)
      return 0
    },
    CommandSpec(
      ["claimant", "show"], abstract: "Show a claimant by national ID, with their complaints",
      discussion: """
        The national ID is checked first: a typo is told apart from a claimant who is not
        registered. The claimant's complaints are listed newest first with their status and the
        amounts assessed, approved and paid; --json lists them under complaint_list.
        """,
      arguments: [ArgumentSpec("NATIONAL_ID", "the claimant's IIN or PIN")],
      traits: [.database, .json]
    ) { invocation in
      let register = try invocation.openRegister()
      var filter = ComplaintFilter()
      filter.claimant = invocation.argument(0)!
      let claimant = try register.claimant(nationalID: filter.claimant!)
      let id = try register.checkedNationalID(filter.claimant!)
      let corrections = try register.claimantCorrections(nationalID: id)
      let complaints = try register.complaintPage(filter).complaints
      if invocation.json {
        var fields = claimant.jsonFields + [("complaint_list", .array(complaints.map(\.json)))]
        if !corrections.isEmpty { fields.append(("corrections", .array(corrections.map(\.json)))) }
        invocation.console.print(JSON.object(fields))
        return 0
      }
      var text = """
        claimant     \(claimant.name)
        national ID  \(claimant.maskedID)
        district     \(claimant.district)
        """
      if let conservancy = claimant.conservancy { text += "\nconservancy  \(conservancy)" }
      if let village = claimant.village { text += "\nvillage      \(village)" }
      if let lang = claimant.lang { text += "\nlanguage     \(lang)" }
      if !claimant.herd.isEmpty {
        text +=
          "\nherd         "
          + claimant.herd.map { "\($0.livestockClass)=\($0.heads)" }.joined(separator: ", ")
      }
      text += "\ncomplaints   \(claimant.complaints)"
      for correction in corrections {
        let at = register.officeZone.display(correction.at)
        text += "\ncorrected    \(at) by \(correction.actor): \(correction.reason)"
        text += correction.changes.map { "\n               \($0.text)" }.joined()
      }
      if !complaints.isEmpty { text += "\n" + ClaimantCommands.complaintTable(complaints) }
      invocation.console.print(text)
      return 0
    },
  ]

  /// A claimant's complaints: id, ref, incident date, type, status and amounts.
  static func complaintTable(_ complaints: [Register.ComplaintSummary]) -> String {
    var table = TextTable(
      ["id", "ref", "incident", "type", "status", "assessed", "approved", "paid"],
      rightAligned: [5, 6, 7])
    for c in complaints {
      func money(_ minor: Int?) -> String {
        minor.map { NumberStyle.english.money($0, currency: c.currency) } ?? ""
      }
      table.add([
        c.code, ComplaintListText.shortened(c.ref ?? "", to: 12), c.incidentDate,
        ComplaintListText.shortened(c.type, to: 19), c.status.rawValue, money(c.assessedMinor),
        money(c.approvedMinor), money(c.paidMinor),
      ])
    }
    return table.text
  }
}
