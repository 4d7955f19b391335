import HWCCore
import HWCNational

/// `hwc national status`: the offices, their last bundles, silent offices and refused bundles.
enum NationalStatusCommand {
  static let specs = [
    CommandSpec(
      ["national", "status"], abstract: "List offices, their last bundles and anomalies",
      discussion: """
        Every enrolled office with its districts and the last bundle accepted from it (export
        number, audit chain position and head, when it was made and accepted, days since it was
        made); the offices that sent none, or none in more than --silent-days days (default 30);
        the bundles refused, latest first, with their reasons; the national chain's length.
        """,
      options: [
        NationalCommands.folderOption,
        OptionSpec("silent-days", "N", "days without a bundle before an office is silent (30)"),
      ],
      traits: [.json]
    ) { invocation in
      let days = try silentDays(invocation.value("silent-days"))
      let national = try invocation.openNational(readOnly: true)
      let status = try national.status()
      let silent = status.silent(moreThan: days)
      if invocation.json {
        invocation.console.print(json(status, silent: silent))
        return 0
      }
      invocation.console.print(
        "national register \(national.folder.path): \(status.offices.count) offices, national "
          + "chain of \(NumberStyle.english.integer(status.chainLength)) entries")
      var table = TextTable(
        ["office", "areas", "export", "position", "head", "made", "accepted", "days"],
        rightAligned: [2, 3, 7])
      for office in status.offices {
        table.add([
          office.code, (office.districts + office.conservancies).joined(separator: ", "),
          office.lastExport.map(String.init) ?? "-",
          office.lastPosition.map(NumberStyle.english.integer) ?? "-",
          office.lastHead.map { String($0.prefix(16)) } ?? "-",
          office.lastBundleCreatedAt.map { String($0.prefix(10)) } ?? "-",
          office.lastAcceptedAt.map { String($0.prefix(10)) } ?? "-",
          String(status.daysSilent(office)),
        ])
      }
      invocation.console.print(table.text)
      invocation.console.print(
        silent.isEmpty
          ? "no office silent for more than \(days) days"
          : "silent (no bundle made in the last \(days) days): "
            + silent.map { $0.lastExport == nil ? "\($0.code) (never sent)" : $0.code }
            .joined(separator: ", "))
      if status.refused.isEmpty {
        invocation.console.print("no bundle refused")
      } else {
        invocation.console.print("refused bundles, latest first:")
        for refused in status.refused {
          invocation.console.print(
            "  \(refused.at)  \(refused.office ?? "-")  \(refused.file): \(refused.reason)")
        }
      }
      return 0
    }
  ]

  /// `--silent-days`: a whole number, 0 or more; 30 when not given.
  static func silentDays(_ text: String?) throws -> Int {
    guard let text else { return 30 }
    guard let days = Int(text), days >= 0 else {
      throw NationalError("--silent-days: '\(text)' is not a whole number, 0 or more")
    }
    return days
  }

  /// The status as one JSON document.
  static func json(_ status: NationalRegister.Status, silent: [NationalOffice]) -> JSON {
    let silentCodes = Set(silent.map(\.code))
    return JSON.object([
      ("chain_length", .int(status.chainLength)),
      (
        "offices",
        .array(
          status.offices.map { office in
            JSON.object([
              ("office", .string(office.code)),
              ("districts", .array(office.districts.map(JSON.string))),
              ("conservancies", .array(office.conservancies.map(JSON.string))),
              ("export", .optional(office.lastExport)),
              ("chain_position", .optional(office.lastPosition)),
              ("chain_head", .optional(office.lastHead)),
              ("bundle_created_at", .optional(office.lastBundleCreatedAt)),
              ("accepted_at", .optional(office.lastAcceptedAt)),
              ("days_silent", .int(status.daysSilent(office))),
              ("silent", .bool(silentCodes.contains(office.code))),
            ])
          })
      ),
      (
        "refused",
        .array(
          status.refused.map {
            JSON.object([
              ("office", .optional($0.office)), ("file", .string($0.file)),
              ("reason", .string($0.reason)), ("at", .string($0.at)),
            ])
          })
      ),
    ])
  }
}
