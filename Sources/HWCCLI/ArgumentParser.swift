/// Splits the words after the command path into option values and positional arguments,
/// following the command's declaration.
enum ArgumentParser {
  static func parse(_ words: [String], spec: CommandSpec) throws -> (
    values: [String: [String]], arguments: [String]
  ) {
    let options = spec.allOptions
    var values: [String: [String]] = [:]
    var arguments: [String] = []
    var index = 0
    var onlyPositionals = false
    while index < words.count {
      let word = words[index]
      index += 1
      if onlyPositionals || !word.hasPrefix("--") || word == "-" {
        guard arguments.count < spec.arguments.count || spec.arguments.last?.repeating == true
        else {
          throw UsageError("unexpected argument '\(word)'", spec: spec)
        }
        arguments.append(word)
        continue
      }
      if word == "--" {
        onlyPositionals = true
        continue
      }
      var name = String(word.dropFirst(2))
      var inline: String?
      if let equals = name.firstIndex(of: "=") {
        inline = String(name[name.index(after: equals)...])
        name = String(name[..<equals])
      }
      guard let option = options.first(where: { $0.name == name || $0.aliases.contains(name) })
      else {
        let visible = options.filter { !$0.hidden }.map(\.name)
        let hint = Suggestion.nearest(to: name, among: visible).map { "; did you mean '--\($0)'?" }
        throw UsageError("unknown option '--\(name)'" + (hint ?? ""), spec: spec)
      }
      let written = name
      name = option.name
      if option.value == nil {
        guard inline == nil else {
          throw UsageError("'--\(written)' takes no value", spec: spec)
        }
        values[name] = [""]
        continue
      }
      let value: String
      if let inline {
        value = inline
      } else {
        guard index < words.count else {
          throw UsageError("'--\(written)' needs a value (\(option.value!))", spec: spec)
        }
        value = words[index]
        index += 1
      }
      if !option.repeating, values[name] != nil {
        throw UsageError("'--\(name)' is given more than once", spec: spec)
      }
      values[name, default: []].append(value)
    }
    if values["help"] != nil { return (values, arguments) }
    for option in options where option.required && values[option.name] == nil {
      throw UsageError("missing '--\(option.name) \(option.value ?? "")'", spec: spec)
    }
    for (position, argument) in spec.arguments.enumerated()
    where argument.required && position >= arguments.count {
      throw UsageError("missing \(argument.name)", spec: spec)
    }
    return (values, arguments)
  }
}

/// The nearest known word to a mistyped one: the candidate at the smallest edit distance, when
/// that distance is small for the word's length (one edit up to 5 letters, two up to 8, then one
/// per 4 letters) and no other candidate is as near; `help` is too far from `herd` (two edits in
/// four letters) to be taken for it.
enum Suggestion {
  static func nearest(to word: String, among candidates: [String]) -> String? {
    let scored = candidates.map { ($0, distance(word.lowercased(), $0)) }.sorted { $0.1 < $1.1 }
    guard let (best, score) = scored.first, score <= allowed(word.count) else { return nil }
    if scored.count > 1, scored[1].1 == score, scored[1].0 != best { return nil }
    return best
  }

  /// The most edits a word of `length` letters may be from its suggestion.
  static func allowed(_ length: Int) -> Int {
    length <= 5 ? 1 : length <= 8 ? 2 : length / 4
  }

  /// Edit distance counting an insertion, a deletion, a substitution or a swap of two
  /// neighbouring letters (`audti` → `audit`) as one edit (optimal string alignment).
  static func distance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var before = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        current[j] = min(
          previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          current[j] = min(current[j], before[j - 2] + 1)
        }
      }
      (before, previous, current) = (previous, current, before)
    }
    return previous[b.count]
  }
}
