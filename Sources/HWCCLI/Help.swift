/// Help text generated from command declarations.
enum Help {
  /// `hwc COMMAND --help`.
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
    for option in spec.allOptions {
      let left = "--\(option.name)" + (option.value.map { " \($0)" } ?? "")
      var help = option.help
      if option.required { help += " (required)" }
      if option.repeating { help += " (repeatable)" }
      text += row(left, help)
    }
    return text
  }

  /// Help for a group of commands (`hwc complaint --help`) or for everything (`hwc --help`).
  static func group(_ prefix: [String], specs: [CommandSpec]) -> String {
    var text =
      prefix.isEmpty
      ? "hwc — human–wildlife conflict complaint and compensation register\n\n"
        + "usage: hwc COMMAND [OPTIONS]   (hwc COMMAND --help for a command's options)\n"
      : "usage: hwc \(prefix.joined(separator: " ")) SUBCOMMAND [OPTIONS]\n"
    text += "\ncommands:\n"
    for spec in specs where spec.path.starts(with: prefix) {
      text += row(spec.path.joined(separator: " "), spec.abstract)
    }
    if prefix.isEmpty {
      text += "\nexit status: 0 done, 1 refused or invalid input (nothing written), 2 usage error\n"
    }
    return text
  }

  private static func row(_ left: String, _ right: String) -> String {
    let width = 28
    if left.count >= width - 2 {
      return "  \(left)\n" + String(repeating: " ", count: width) + right + "\n"
    }
    return "  " + left + String(repeating: " ", count: width - 2 - left.count) + right + "\n"
  }
}
