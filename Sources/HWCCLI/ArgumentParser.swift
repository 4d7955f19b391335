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
      guard let option = options.first(where: { $0.name == name }) else {
        let hint = Suggestion.nearest(to: name, among: options.map(\.name)).map {
          "; did you mean '--\($0)'?"
        }
        throw UsageError("unknown option '--\(name)'" + (hint ?? ""), spec: spec)
      }
      if option.value == nil {
        guard inline == nil else {
          throw UsageError("'--\(name)' takes no value", spec: spec)
        }
        values[name] = [""]
        continue
      }
      let value: String
      if let inline {
        value = inline
      } else {
        guard index < words.count else {
          throw UsageError("'--\(name)' needs a value (\(option.value!))", spec: spec)
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

/// The nearest known word to a mistyped one, by edit distance.
enum Suggestion {
  static func nearest(to word: String, among candidates: [String]) -> String? {
    let scored = candidates.map { ($0, distance(word, $0)) }.min { $0.1 < $1.1 }
    guard let (best, score) = scored, score <= max(2, word.count / 3) else { return nil }
    return best
  }

  /// Levenshtein distance.
  static func distance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        current[j] = min(
          previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
      }
      swap(&previous, &current)
    }
    return previous[b.count]
  }
}
