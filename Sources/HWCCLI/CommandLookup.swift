/// Where a list of command words leads: a command, a group of commands, or nowhere (a usage
/// error naming the first word that is not a command, with the nearest real one).
enum CommandLookup {
  /// A command, or a group's leading words (empty: all of hwc).
  enum Target {
    case command(CommandSpec)
    case group([String])
  }

  /// `words` resolved against `specs`; throws a `UsageError` for a word that is not a command.
  static func resolve(_ words: [String], in specs: [CommandSpec]) throws -> Target {
    if let spec = specs.first(where: { $0.path == words }) { return .command(spec) }
    var group: [String] = []
    for word in words {
      let candidate = group + [word]
      guard specs.contains(where: { $0.path.starts(with: candidate) }) else { break }
      group = candidate
    }
    if group.count == words.count { return .group(group) }
    let wrong = words[group.count]
    let next = Set(
      specs.filter { $0.listed && $0.path.starts(with: group) && $0.path.count > group.count }
        .map { $0.path[group.count] }
    ).sorted()
    let place = group.isEmpty ? "" : " of 'hwc \(group.joined(separator: " "))'"
    var message = "'\(wrong)' is not a command\(place)"
    if let nearest = Suggestion.nearest(to: wrong, among: next) {
      message += "; did you mean '\(nearest)'?"
    }
    throw UsageError(message, group: group)
  }
}
