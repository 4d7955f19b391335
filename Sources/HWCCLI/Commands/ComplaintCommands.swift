import HWCCore
import HWCDomain
import HWCRegister

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `hwc complaint register|import|list|show`.
enum ComplaintCommands {
  static let specs = [register, importFile, list, show]

  static let register = CommandSpec(
    ["complaint", "register"], abstract: "Register a complaint (officer of the district)",
    discussion: """
      Items are KEY=QTY with at most two decimals; livestock in whole heads. Accepted items:
        livestock_predation, disease_spread: sheep_goat.adult|young, cattle.*, horse.*, camel.*,
          yak.* (heads)
        pasture_trampling: pasture.light|moderate|severe (hectares)
        hay_loss: hay (tonnes)
        crop_invasion: crop.wheat|barley|fodder|other (hectares)
        water_depletion: water.point_day
      The same --ref twice is the same complaint: registering it again changes nothing.
      Possible duplicates (same claimant and type within 7 days; heads above the declared herd)
      are flagged, not refused.
      """,
    options: [
      OptionSpec("claimant", "NATIONAL_ID", "the claimant (add them first)", required: true),
      OptionSpec("district", "D", "district where the loss happened", required: true),
      OptionSpec("conservancy", "C", "conservancy where the loss happened (Kyrgyzstan)"),
      OptionSpec("type", "T", "damage type", required: true),
      OptionSpec(
        "species", "S", "saiga, snow_leopard, wolf, brown_bear, wild_boar, other", required: true),
      OptionSpec("incident-date", "YYYY-MM-DD", "when the loss happened", required: true),
      OptionSpec("reported-date", "YYYY-MM-DD", "when it was reported", required: true),
      OptionSpec("item", "KEY=QTY", "a claimed item", required: true, repeating: true),
      OptionSpec("ref", "REF", "field-form number"),
      OptionSpec("village", "V", "village"),
      OptionSpec("coordinates", "LAT,LON", "where, in decimal degrees"),
      OptionSpec("note", "TEXT", "notes", aliases: ["notes"]),
    ],
    traits: [.database, .mutating, .json]
  ) { invocation in
    let (register, actor) = try invocation.openForChange()
    let draft = ComplaintDraft(
      nationalID: invocation.value("claimant") ?? "", district: invocation.value("district") ?? "",
      conservancy: invocation.value("conservancy"), type: invocation.value("type") ?? "",
      species: invocation.value("species") ?? "",
      incidentDate: invocation.value("incident-date") ?? "",
      reportedDate: invocation.value("reported-date") ?? "", items: invocation.values("item"),
      ref: invocation.value("ref"), village: invocation.value("village"),
      coordinates: invocation.value("coordinates"), notes: invocation.value("note"))
    let registration = try register.registerComplaint(draft, actor: actor)
    let complaint = registration.complaint
    if invocation.json {
      invocation.console.print(complaint.json)
      return 0
    }
    invocation.console.print(
      registration.created
        ? "registered complaint \(complaint.code)"
        : "complaint \(complaint.code) already registered under ref \(complaint.ref ?? ""); nothing changed"
    )
    for flag in complaint.flags where registration.created {
      invocation.console.print("  flagged: \(flag)")
    }
    return 0
  }

  static let importFile = CommandSpec(
    ["complaint", "import"], abstract: "Import complaints from a field-form CSV file",
    discussion: """
      UTF-8 CSV with a header row: ref, claimant_id, claimant_name, district, conservancy, village,
      type, species, incident_date, reported_date, items (items as key=qty;key=qty). Every row
      needs a ref (field-form number): importing the same file again changes nothing. An unknown
      claimant_id with a claimant_name adds the claimant.
      By default the whole file is checked and either every row is imported or none, and every
      bad row is listed as FILE:LINE: column: problem. --skip-invalid imports the good rows and
      writes the bad ones, with their reasons, to --rejects. --dry-run checks and reports only.
      Once imported, each row is listed as FILE:LINE, its ref, the complaint id it created or
      matched, and `new` or `already registered` (--json: under rows, with line, ref, id and
      created); then the counts. With --skip-invalid the exit status is 0 when every good row
      was imported: the rejected ones are counted and written to --rejects.
      """,
    arguments: [ArgumentSpec("FILE.csv", "the file to import")], options: ImportRunner.options,
    traits: [.database, .mutating, .json]
  ) { invocation in
    try ImportRunner.run(invocation, noun: "complaints") { register, actor, options, observer in
      try register.importComplaints(
        path: invocation.argument(0)!, options: options, actor: actor, observer: observer)
    }
  }

  static let show = CommandSpec(
    ["complaint", "show"], abstract: "Show a complaint with its items, flags and history",
    arguments: [
      ArgumentSpec("ID|REF", "complaint id, e.g. KAZ-2026-0001, or its field-form ref")
    ],
    traits: [.database, .json]
  ) { invocation in
    let register = try invocation.openRegister()
    let c = try register.complaint(codeOrRef: invocation.argument(0)!)
    let zone = register.officeZone
    if invocation.json {
      invocation.console.print(c.json)
      return 0
    }
    var lines = [
      "complaint   \(c.code)  [\(c.status)]",
      "claimant    \(c.claimantName) (\(c.claimantMaskedID))",
      "district    \(c.district)" + (c.conservancy.map { ", conservancy \($0)" } ?? ""),
      "damage      \(c.type) by \(c.species)",
      "incident    \(c.incidentDate), reported \(c.reportedDate)",
      "items       \(c.itemsText.replacingOccurrences(";", ", "))",
    ]
    if let village = c.village { lines.append("village     \(village)") }
    if let ref = c.ref { lines.append("ref         \(ref)") }
    if let notes = c.notes { lines.append("notes       \(notes)") }
    for flag in c.flags { lines.append("flag        \(flag)") }
    if let line = ReinspectionText.status(try register.reinspectionDraws(code: c.code)) {
      lines.append("reinspect   \(line)")
    }
    lines.append("history")
    for event in c.events {
      lines.append(
        "  \(zone.display(event.at))  \(event.kind) by \(event.actor)"
          + (event.reason.map { ": \($0)" } ?? ""))
      lines += event.changes.map { "      \($0.text)" }
    }
    invocation.console.print(lines.joined(separator: "\n"))
    return 0
  }
}

extension String {
  /// The string with every `target` replaced by `replacement` (no Foundation).
  func replacingOccurrences(_ target: String, _ replacement: String) -> String {
    split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
  }
}

/// Runs an import command: options, progress on a terminal, errors, summary.
enum ImportRunner {
  /// The options every import command takes.
  static let options = [
    OptionSpec("dry-run", nil, "check every row, write nothing"),
    OptionSpec("skip-invalid", nil, "import the good rows, reject the bad ones"),
    OptionSpec(
      "rejects", "FILE",
      "where --skip-invalid writes the bad rows unchanged, to correct and import again; made "
        + "readable by you only (0600), as a complaint file's rows keep full national IDs"),
    OptionSpec(
      "encoding", "ENC",
      "utf-8 or cp1251 (Windows-1251); by default UTF-8 unless the text is not valid UTF-8, "
        + "then Windows-1251. A header line using ';' makes the file ';'-separated"),
  ]

  /// Runs an import of `noun` (plural); `matched` says what a row that added nothing found.
  static func run(
    _ invocation: Invocation, noun: String, matched: String = "already registered",
    body: (Register, Actor, ImportOptions, ImportObserver) throws -> ImportSummary
  ) throws -> Int32 {
    var encoding = CSVEncoding.detect
    if let text = invocation.value("encoding") {
      guard let chosen = CSVEncoding(option: text) else {
        throw UsageError("--encoding: '\(text)' is not utf-8 or cp1251", spec: invocation.spec)
      }
      encoding = chosen
    }
    let options = ImportOptions(
      dryRun: invocation.flag("dry-run"), skipInvalid: invocation.flag("skip-invalid"),
      rejectsPath: invocation.value("rejects"), encoding: encoding)
    if options.skipInvalid != (options.rejectsPath != nil) {
      throw UsageError("--skip-invalid and --rejects FILE go together", spec: invocation.spec)
    }
    let (register, actor) = try invocation.openForChange()
    if let gate = invocation.environment["HWC_TEST_WRITE_GATE"], !gate.isEmpty {
      register.whileImportHoldsWriteLock = { ImportRunner.wait(whileExists: gate) }
    }
    let console = invocation.console
    let observer = ImportObserver(
      rowError: { console.error($0) },
      progress: { bytes, rows in
        if console.errorIsTerminal {
          console.progress("\r\(rows) rows, \(bytes / 1_000_000) MB read")
        }
      })
    let summary = try body(register, actor, options, observer)
    if console.errorIsTerminal { console.progress("\r\u{1B}[K") }
    if invocation.json {
      printJSON(summary, console: console)
    } else if summary.committed {
      let file = invocation.argument(0).flatMap { $0.split(separator: "/").last } ?? ""
      for row in summary.imported {
        console.print(
          "\(file):\(row.line)  \(row.ref ?? "-")  \(row.code)  "
            + (row.created ? "new" : matched))
      }
      var line = "imported \(summary.created) \(noun) from \(summary.rows) rows"
      if summary.unchanged > 0 { line += ", \(summary.unchanged) already registered (unchanged)" }
      if summary.claimantsCreated > 0 { line += ", \(summary.claimantsCreated) new claimants" }
      if summary.rejected > 0 {
        line += "; \(summary.rejected) rejected, written to \(options.rejectsPath ?? "")"
      }
      if let note = summary.readingNote { line += " (\(note))" }
      console.print(line)
    } else if options.dryRun {
      console.print(
        "dry run: \(summary.rows) rows checked, \(summary.created) would be imported, "
          + "\(summary.unchanged) already registered, \(summary.rejected) invalid; nothing written"
          + (summary.readingNote.map { " (\($0))" } ?? ""))
    }
    if !summary.committed, !options.dryRun {
      console.error(
        "hwc: \(summary.rejected) of \(summary.rows) rows are invalid; nothing was imported "
          + "(fix them, or use --skip-invalid --rejects FILE)")
      return 1
    }
    return options.dryRun && summary.rejected > 0 ? 1 : 0
  }

  /// Prints the summary as one JSON document, the counts then `rows`, written a row at a time
  /// so that the rows of a million-line file are never one value in memory.
  static func printJSON(_ summary: ImportSummary, console: Console) {
    console.print("{")
    for (key, value) in summary.counts {
      console.print("  " + JSON.string(key).text() + ": " + value.text() + ",")
    }
    guard summary.committed, summary.imported.count > 0 else {
      console.print("  \"rows\": []\n}")
      return
    }
    console.print("  \"rows\": [")
    var left = summary.imported.count
    for row in summary.imported {
      left -= 1
      console.print("    " + row.json.text() + (left > 0 ? "," : ""))
    }
    console.print("  ]\n}")
  }

  /// Holds an import that has taken the write lock while the file `gate` exists, for at most a
  /// minute: `HWC_TEST_WRITE_GATE`, an internal switch with which tests make a long import of a
  /// short file, to show that other commands wait for it.
  static func wait(whileExists gate: String) {
    for _ in 0..<3_000 where access(gate, F_OK) == 0 { usleep(20_000) }
  }
}
