import HWCCore
import HWCDomain
import HWCRegister

/// `hwc timezone show|set`: the office's time zone, in which "today" and printed times are
/// counted (stored timestamps stay UTC).
enum TimeZoneCommands {
  static let specs = [show, set]

  static let show = CommandSpec(
    ["timezone", "show"], abstract: "Show the office's time zone and its history",
    traits: [.database, .json]
  ) { invocation in
    let register = try invocation.openRegister()
    let zone = register.officeZone
    let now = register.clock.timestamp()
    let history = try register.timeZoneHistory()
    if invocation.json {
      invocation.console.print(
        JSON.object([
          ("zone", .string(zone.identifier)), ("source", .string(zone.source.rawValue)),
          ("offset", .string(OfficeZone.offsetText(zone.offset(at: OfficeZone.seconds(now) ?? 0)))),
          ("now", .string(now)), ("today", .string(register.clock.today.description)),
          (
            "history",
            .array(
              history.map {
                .object([
                  ("zone", .string($0.zone)), ("set_at", .string($0.setAt)),
                  ("set_by", .string($0.setBy)), ("reason", .optional($0.reason)),
                ])
              })
          ),
        ]))
      return 0
    }
    var lines = [
      "office time zone \(zone.identifier) (\(zone.source.rawValue)); now \(zone.display(now))"
    ]
    if history.isEmpty { lines.append("  the default for a register; no one has set it") }
    for setting in history {
      lines.append(
        "  \(zone.display(setting.setAt))  \(setting.zone) set by \(setting.setBy)"
          + (setting.reason.map { ": \($0)" } ?? ""))
    }
    invocation.console.print(lines.joined(separator: "\n"))
    return 0
  }

  static let set = CommandSpec(
    ["timezone", "set"], abstract: "Set the office's time zone (admin)",
    discussion: """
      The zone counts "today" (an incident date in the future, default dates) and prints every
      time; stored timestamps stay UTC, so nothing recorded changes. The change is audited. Zones
      come from the system's tz database, or on a machine without one from a built-in table of
      the region: Asia/Oral (the default), Asia/Aqtau, Asia/Aqtobe, Asia/Atyrau, Asia/Almaty,
      Asia/Qostanay, Asia/Qyzylorda, Asia/Bishkek, UTC.
      """,
    arguments: [ArgumentSpec("ZONE", "an IANA zone, e.g. Asia/Almaty")],
    options: [OptionSpec("reason", "TEXT", "why the zone changes")],
    traits: [.database, .mutating, .json]
  ) { invocation in
    let (register, actor) = try invocation.openForChange()
    let zone = try register.setTimeZone(
      invocation.argument(0)!, reason: invocation.value("reason"), actor: actor)
    let now = register.clock.timestamp()
    if invocation.json {
      invocation.console.print(
        JSON.object([
          ("zone", .string(zone.identifier)), ("source", .string(zone.source.rawValue)),
          ("today", .string(register.clock.today.description)),
        ]))
    } else {
      invocation.console.print(
        "office time zone set to \(zone.identifier); now \(zone.display(now)), "
          + "today \(register.clock.today)")
    }
    return 0
  }
}
