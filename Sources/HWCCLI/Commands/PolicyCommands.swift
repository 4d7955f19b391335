import HWCCore
import HWCDomain
import HWCRegister
import HWCRules

/// `hwc policy show|set|check`.
enum PolicyCommands {
  static let specs = [
    CommandSpec(
      ["policy", "show"], abstract: "Print the policy values in force on a date",
      options: [
        OptionSpec(
          "scheme", "S", "kz-state or kg-buffer (default: both)",
          choices: Scheme.allCases.map(\.rawValue)),
        OptionSpec("on", "DATE", "the date (default: today)"),
      ],
      traits: [.database, .json]
    ) { invocation in
      let register = try invocation.openRegister()
      let policy = try register.policy()
      var date = register.clock.today
      if let text = invocation.value("on") {
        date = try CalendarDate(text, field: .on)
      }
      var schemes = Scheme.allCases
      if let text = invocation.value("scheme") {
        schemes = [try register.scheme(text)]
      }
      let values = schemes.flatMap { policy.inForce($0, on: date) }
      if invocation.json {
        invocation.console.print(
          JSON.object([
            ("on", .string(date.description)),
            (
              "values",
              .array(
                values.map {
                  .object([
                    ("scheme", .string($0.scheme.rawValue)), ("key", .string($0.key)),
                    ("value", .string($0.text)), ("value_centi", .int($0.centi)),
                    ("effective_from", .string($0.effectiveFrom.description)),
                  ])
                })
            ),
          ]))
        return 0
      }
      var table = TextTable(["scheme", "key", "value", "since"], rightAligned: [2])
      for value in values {
        table.add([value.scheme.rawValue, value.key, value.text, value.effectiveFrom.description])
      }
      invocation.console.print("policy in force on \(date)\n" + table.text)
      return 0
    },
    CommandSpec(
      ["policy", "set"], abstract: "Add a policy value from a date (admin)",
      discussion: """
        Adds a value without rewriting history: the value holds from --from until the next one,
        and must start after the key's latest value, so incidents before it are assessed — and
        re-assessed years later — with the values that were in force on their incident date.
        A value from before today is retroactive: it needs --retroactive --reason T, changes no
        stored assessment, and lists the assessments it makes out of date; their approval then
        needs a re-assessment (hwc assess ID).
        """,
      options: [
        OptionSpec(
          "scheme", "S", "kz-state or kg-buffer", required: true,
          choices: Scheme.allCases.map(\.rawValue)),
        OptionSpec("key", "K", "the parameter, e.g. mrp or rate.sheep_goat.adult", required: true),
        OptionSpec("value", "V", "the value (at most two decimals)", required: true),
        OptionSpec("from", "DATE", "the date it takes effect", required: true),
        OptionSpec("retroactive", nil, "--from is before today (needs --reason)"),
        OptionSpec("reason", "TEXT", "why a retroactive change is made"),
      ],
      traits: [.database, .mutating, .json]
    ) { invocation in
      if invocation.flag("retroactive") != (invocation.value("reason") != nil) {
        throw UsageError("--retroactive and --reason T go together", spec: invocation.spec)
      }
      let (register, actor) = try invocation.openForChange()
      let value = try register.setPolicy(
        scheme: invocation.value("scheme")!, key: invocation.value("key")!,
        value: invocation.value("value")!, from: invocation.value("from")!, actor: actor,
        retroactiveReason: invocation.value("reason"))
      if invocation.flag("retroactive") {
        return try RetroactiveReport.print(invocation, register: register, value: value)
      }
      if invocation.json {
        invocation.console.print(JSON.object(RetroactiveReport.fields(value)))
      } else {
        invocation.console.print(
          "\(value.scheme.rawValue) \(value.key) = \(value.text) from \(value.effectiveFrom)")
      }
      return 0
    },
    CommandSpec(
      ["policy", "check"],
      abstract: "Report policy gaps and values not reviewed for over a year",
      traits: [.database, .json]
    ) { invocation in
      let findings = try invocation.openRegister().checkPolicy()
      if invocation.json {
        invocation.console.print(
          JSON.array(
            findings.map {
              .object([
                ("scheme", .string($0.scheme.rawValue)), ("key", .string($0.key)),
                ("problem", .string($0.problem)),
              ])
            }))
      } else if findings.isEmpty {
        invocation.console.print("policy complete: no gaps, every value reviewed within a year")
      } else {
        for finding in findings {
          invocation.console.print("\(finding.scheme.rawValue) \(finding.key): \(finding.problem)")
        }
      }
      return 0
    },
  ]
}
