import HWCCore
import HWCNational

/// `hwc national accept BUNDLE`: verifies an office's bundle and makes it the office's replica.
enum NationalAcceptCommand {
  static let specs = [
    CommandSpec(
      ["national", "accept"], abstract: "Verify an office's bundle and replace its replica",
      discussion: """
        Accepts the bundle only if its HMAC matches the key of the enrolled office it names, the
        file is whole and unedited, its export number is higher than the last accepted, it holds
        only the office's districts and conservancies, its snapshot passes check and audit
        verify and ends at the manifest's head, and its audit chain still holds, unchanged, the
        head of the office's last accepted bundle. Then it replaces offices/CODE.sqlite
        atomically and records the acceptance in the national chain. A refused bundle changes
        no replica: it is recorded with its reason, which hwc national status lists. The same
        bundle accepted again changes nothing.
        """,
      arguments: [ArgumentSpec("BUNDLE", "the bundle file written by hwc office export")],
      options: [NationalCommands.folderOption] + NationalCommands.actorOptions,
      traits: [.json]
    ) { invocation in
      let path = invocation.argument(0) ?? ""
      let (national, actor) = try invocation.openNationalForChange()
      let result = try national.accept(bundle: path, actor: actor)
      let office: NationalOffice
      let changed: Bool
      switch result {
      case .accepted(let accepted): (office, changed) = (accepted, true)
      case .alreadyAccepted(let accepted): (office, changed) = (accepted, false)
      }
      if invocation.json {
        invocation.console.print(
          JSON.object([
            ("office", .string(office.code)), ("export", .optional(office.lastExport)),
            ("chain_position", .optional(office.lastPosition)),
            ("chain_head", .optional(office.lastHead)), ("accepted", .bool(changed)),
          ]))
      } else if changed {
        let position = NumberStyle.english.integer(office.lastPosition ?? 0)
        invocation.console.print(
          "accepted bundle \(office.lastExport ?? 0) of office \(office.code): audit chain "
            + "entries 1–\(position), head \((office.lastHead ?? "").prefix(16))")
        invocation.console.print("  replica: \(office.replicaPath ?? "")")
      } else {
        invocation.console.print(
          "bundle \(office.lastExport ?? 0) of office \(office.code) already accepted; "
            + "nothing changed")
      }
      return 0
    }
  ]
}
