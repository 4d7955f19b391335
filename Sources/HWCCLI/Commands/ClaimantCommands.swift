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
      ["claimant", "show"], abstract: "Show a claimant by national ID",
      arguments: [ArgumentSpec("NATIONAL_ID", "the claimant's IIN or PIN")],
      traits: [.database, .json]
    ) { invocation in
      let claimant = try invocation.openRegister().claimant(nationalID: invocation.argument(0)!)
      if invocation.json {
        invocation.console.print(claimant.json)
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
      invocation.console.print(text)
      return 0
    },
  ]
}
