import HWCCore
import HWCNational

/// `hwc national verify`: the national chain and every office's replica.
enum NationalVerifyCommand {
  static let specs = [
    CommandSpec(
      ["national", "verify"], abstract: "Verify the national chain and every replica",
      discussion: """
        Recomputes the national chain and compares every row of national.sqlite with the entry
        that recorded it; then checks that each office's replica is byte for byte the snapshot
        accepted last (its SHA-256) and passes check. Exit 1 when anything fails.
        """,
      options: [NationalCommands.folderOption],
      traits: [.json]
    ) { invocation in
      let items = try invocation.openNational(readOnly: true).verify()
      if invocation.json {
        invocation.console.print(
          JSON.array(
            items.map {
              JSON.object([("name", .string($0.name)), ("problem", .optional($0.problem))])
            }))
      } else {
        for item in items {
          invocation.console.print("\(item.name): \(item.problem ?? "ok")")
        }
      }
      return items.contains { $0.problem != nil } ? 1 : 0
    }
  ]
}
