/// Help text generated from command declarations.
enum Help {
  /// `hwc COMMAND --help` and `hwc help COMMAND`.
  static func command(_ spec: CommandSpec) -> String {
    var text = "\(spec.abstract)\n\nusage: \(spec.usage)\n"
    if !spec.discussion.isEmpty { text += "\n\(spec.discussion)\n" }
    if !spec.arguments.isEmpty {
      text += "\narguments:\n"
      for argument in spec.arguments {
        text += row(argument.name, argument.help)
      }
    }
    text += "\noptions:\n"
    for option in spec.visibleOptions {
      let left = "--\(option.name)" + (option.value.map { " \($0)" } ?? "")
      var help = option.help
      if option.required { help += " (required)" }
      if option.repeating { help += " (repeatable)" }
      text += row(left, help)
    }
    return text
  }

  /// Help for a group of commands (`hwc complaint --help`), or for everything (`hwc help`,
  /// `hwc --help`: the commands under the topics of `topics`).
  static func group(_ prefix: [String], specs: [CommandSpec]) -> String {
    let members = specs.filter { $0.listed && $0.path.starts(with: prefix) }
    guard prefix.isEmpty else {
      var text = "usage: hwc \(prefix.joined(separator: " ")) SUBCOMMAND [OPTIONS]\n\ncommands:\n"
      for spec in members { text += row(spec.path.joined(separator: " "), spec.abstract) }
      return text
    }
    var text =
      "hwc — human–wildlife conflict complaint and compensation register\n\n"
      + "usage: hwc COMMAND [OPTIONS]   (hwc help COMMAND, or hwc COMMAND --help, for one command)\n"
    for (topic, words) in grouped(members) {
      text += "\n\(topic):\n"
      for spec in members where words.contains(spec.path[0]) {
        text += row(spec.path.joined(separator: " "), spec.abstract)
      }
    }
    text += "\nexit status: 0 done, 1 refused or invalid input (nothing written), 2 usage error\n"
    return text
  }

  /// The usage line that follows the error line of a usage error about a group, naming its
  /// commands (`usage: hwc audit verify|anchor|log [OPTIONS] ...`); for hwc itself, the
  /// general one.
  static func groupUsage(_ prefix: [String]) -> [String] {
    guard !prefix.isEmpty else {
      return ["usage: hwc COMMAND [OPTIONS]   (hwc help lists the commands)"]
    }
    var next: [String] = []
    for spec in CLI.commands where spec.listed && spec.path.count > prefix.count {
      if spec.path.starts(with: prefix), !next.contains(spec.path[prefix.count]) {
        next.append(spec.path[prefix.count])
      }
    }
    let group = prefix.joined(separator: " ")
    return [
      "usage: hwc \(group) \(next.joined(separator: "|")) [OPTIONS]   (hwc help \(group) says more)"
    ]
  }

  /// The topics of `hwc help`, each with the first command words it gathers, in order; a
  /// command whose first word no topic names is listed under "other commands".
  static let topics: [(String, [String])] = [
    ("the register and its users", ["init", "login", "logout", "user"]),
    ("claimants and complaints", ["claimant", "complaint", "herd", "incident", "emergency"]),
    (
      "inspection, assessment and decisions",
      ["inspect", "inspection", "assess", "approve", "reject", "pay", "appeal", "policy"]
    ),
    ("money", ["budget", "fund"]),
    ("reports and documents", ["report", "receipt", "letter"]),
    ("audit and upkeep", ["audit", "check", "backup", "demo"]),
    ("this program", ["help", "version", "completion"]),
  ]

  /// The topics that have commands among `specs`, then "other commands" for the rest.
  static func grouped(_ specs: [CommandSpec]) -> [(String, Set<String>)] {
    let firstWords = Set(specs.map { $0.path[0] })
    var result: [(String, Set<String>)] = []
    var placed: Set<String> = []
    for (topic, words) in topics where !firstWords.isDisjoint(with: words) {
      result.append((topic, Set(words).intersection(firstWords)))
      placed.formUnion(words)
    }
    let rest = firstWords.subtracting(placed)
    if !rest.isEmpty { result.append(("other commands", rest)) }
    return result
  }

  private static func row(_ left: String, _ right: String) -> String {
    let width = 28
    if left.count >= width - 2 {
      return "  \(left)\n" + String(repeating: " ", count: width) + right + "\n"
    }
    return "  " + left + String(repeating: " ", count: width - 2 - left.count) + right + "\n"
  }
}
