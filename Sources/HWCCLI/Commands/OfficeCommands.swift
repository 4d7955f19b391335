import HWCCore
import HWCDomain
import HWCRegister

/// `hwc office show|key|export`: the office a register belongs to, its key, and the bundles it
/// sends the ministry.
enum OfficeCommands {
  static let specs = [show, key, export]

  static let show = CommandSpec(
    ["office", "show"],
    abstract: "Show the office, its districts, its key's fingerprint and last export",
    traits: [.database, .json]
  ) { invocation in
    let status = try invocation.openRegister().officeStatus()
    let office = status.office
    if invocation.json {
      invocation.console.print(
        JSON.object([
          ("office", .string(office.code)),
          ("districts", .array(office.districtCodes.map(JSON.string))),
          ("conservancies", .array(office.conservancyCodes.map(JSON.string))),
          ("key_fingerprint", .optional(status.keyFingerprint)),
          ("key_set_at", .optional(status.keySetAt)),
          (
            "last_export",
            status.lastExport.map {
              .object([
                ("export", .int($0.number)), ("chain_position", .int($0.position)),
                ("chain_head", .string($0.head)), ("created_at", .string($0.at)),
              ])
            } ?? .null
          ),
        ]))
      return 0
    }
    let names = { (items: [String]) in items.isEmpty ? "none" : items.joined(separator: ", ") }
    var lines = [
      "office \(office.code)",
      "  districts: " + names(office.districts.map { "\($0.name.en) (\($0.code))" }),
      "  conservancies: " + names(office.conservancies.map(\.name.en)),
      "  key: " + (status.keyFingerprint.map { "fingerprint \($0)" } ?? "no key set"),
    ]
    if let last = status.lastExport {
      lines.append(
        "  last export: number \(last.number), chain position \(last.position) "
          + "(head \(last.head.prefix(16))), \(last.at)")
    } else {
      lines.append("  last export: none")
    }
    invocation.console.print(lines.joined(separator: "\n"))
    return 0
  }

  static let key = CommandSpec(
    ["office", "key"],
    abstract: "Set the office's key, as the ministry's enrolment printed it (admin)",
    discussion: """
      The key (64 hex digits, printed once by 'hwc national enroll') authenticates the office's
      bundles. It is kept in the register outside the audited state and never copied into a
      bundle, and it is never printed: 'hwc office show' prints its fingerprint. Setting it is
      audited with that fingerprint; setting it again (a re-enrolment) replaces it.
      """,
    options: [OptionSpec("set", "HEX", "the office key: 64 hex digits", required: true)],
    traits: [.database, .mutating, .json]
  ) { invocation in
    let (register, actor) = try invocation.openForChange()
    let fingerprint = try register.setOfficeKey(hex: invocation.value("set") ?? "", actor: actor)
    let code = register.office?.code ?? ""
    if invocation.json {
      invocation.console.print(
        JSON.object([("office", .string(code)), ("key_fingerprint", .string(fingerprint))]))
    } else {
      invocation.console.print("office \(code) key set (fingerprint \(fingerprint))")
    }
    return 0
  }

  static let export = CommandSpec(
    ["office", "export"],
    abstract: "Write the office's bundle for the ministry (treasurer or admin)",
    discussion: """
      Takes one snapshot of the register while others keep working, removes the office key and
      login sessions from it, checks it as 'hwc check' does, and writes FILE (which must not
      exist): a manifest (office, export number, the audit chain's position and head, the previous
      export's, hwc version, time, the snapshot's size and SHA-256) authenticated with
      HMAC-SHA256 under the office key, then the snapshot. The export is audited. Carry FILE to
      the ministry, which accepts it with 'hwc national accept FILE'.
      """,
    arguments: [ArgumentSpec("FILE", "where to write the bundle (must not exist)")],
    traits: [.database, .mutating, .json]
  ) { invocation in
    let target = invocation.argument(0)!
    try Register.checkBackupTarget(target)
    let (register, actor) = try invocation.openForChange()
    let result = try register.exportOffice(to: target, actor: actor, hwcVersion: Version.number)
    let manifest = result.manifest
    if invocation.json {
      invocation.console.print(
        JSON.object(
          [("path", .string(result.path)), ("bytes", .int(result.bytes))]
            + [("manifest", manifest.json)]))
      return 0
    }
    let hundredths = (result.bytes * 100 + 500_000) / 1_000_000
    let megabytes = "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
    invocation.console.print(
      "exported \(result.path): \(NumberStyle.english.integer(result.bytes)) bytes "
        + "(\(megabytes) MB), export \(manifest.export) of office \(manifest.office), "
        + "chain position \(manifest.chainPosition) (head \(manifest.chainHead.prefix(16)))")
    return 0
  }
}
