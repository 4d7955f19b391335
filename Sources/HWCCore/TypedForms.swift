/// The forms people type dates and amounts in at a Kazakh or Kyrgyz office desk, read only to
/// suggest the one form the register stores: `31.12.2025` → `2025-12-31`, `1 500 000,50` →
/// `1500000.5`. Nothing here is accepted as typed; a refusal quotes the suggestion, so that an
/// ambiguous comma (a decimal point in Russian, a thousands separator in English) never turns
/// into a wrong amount without the officer seeing it.
public enum TypedForms {
  /// The date meant by `31.12.2025`, `31/12/2025`, `31-12-2025`, `2026-2-3`, `2026.02.03` or
  /// `31.12.25` (day first, as Russian forms write it; month first only when the first number
  /// cannot be a month), or nil when the text is not three numbers naming a real day.
  public static func date(_ text: String) -> CalendarDate? {
    let parts = text.split(whereSeparator: { $0 == "." || $0 == "/" || $0 == "-" || $0 == " " })
    guard parts.count == 3,
      parts.allSatisfy({ !$0.isEmpty && $0.count <= 4 && $0.allSatisfy(\.isASCII) }),
      let first = Int(parts[0]), let second = Int(parts[1]), let third = Int(parts[2])
    else { return nil }
    if parts[0].count == 4 { return CalendarDate(year: first, month: second, day: third) }
    guard parts[2].count == 4 || parts[2].count == 2 else { return nil }
    let year = parts[2].count == 2 ? 2000 + third : third
    if second > 12, first <= 12 { return CalendarDate(year: year, month: first, day: second) }
    return CalendarDate(year: year, month: second, day: first)
  }

  /// The plain decimal meant by `1 500 000`, `1,500,000`, `1.500.000`, `1 500 000,50` or
  /// `12,5` (spaces, no-break spaces and apostrophes group digits; with both `,` and `.`, the
  /// last one is the decimal point; a single comma followed by one or two digits is one), or
  /// nil when no such reading gives a number of at most two decimals that differs from `text`.
  public static func number(_ text: String) -> String? {
    let grouping: Set<Character> = [" ", "\u{00A0}", "\u{202F}", "'", "\u{2019}"]
    var compact = String(text.filter { !grouping.contains($0) })
    guard !compact.isEmpty,
      compact.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "," || $0 == ".") })
    else { return nil }
    let commas = compact.filter { $0 == "," }.count
    let points = compact.filter { $0 == "." }.count
    if commas > 0 && points > 0 {
      let decimal: Character = compact.lastIndex(of: ",")! > compact.lastIndex(of: ".")! ? "," : "."
      let group: Character = decimal == "," ? "." : ","
      guard compact.filter({ $0 == decimal }).count == 1 else { return nil }
      compact = String(compact.filter { $0 != group }.map { $0 == decimal ? "." : $0 })
    } else if commas > 0 || points > 1 {
      let separator: Character = commas > 0 ? "," : "."
      let groups = compact.split(separator: separator, omittingEmptySubsequences: false)
      if groups.count == 2, separator == ",", (1...2).contains(groups[1].count) {
        compact = groups.joined(separator: ".")
      } else if groups.dropFirst().allSatisfy({ $0.count == 3 }), !groups[0].isEmpty {
        compact = groups.joined()
      } else {
        return nil
      }
    }
    guard case .success(let hundredths) = Decimal2.parse(compact) else { return nil }
    let plain = Decimal2.format(hundredths)
    return plain == text ? nil : plain
  }

  /// `; did you mean X?` for a number typed in another form, or nothing.
  public static func numberHint(_ text: String) -> String {
    number(text).map { "; did you mean \($0)?" } ?? ""
  }
}

extension TypedForms {
  /// The candidate `typed` most likely misspells or abbreviates: one that starts with or holds
  /// it (three letters at least), else the nearest within a few edits; nil when none is close.
  public static func closest(_ typed: String, among candidates: [String]) -> String? {
    let key = typed.lowercased()
    guard !key.isEmpty else { return nil }
    if key.count >= 3 {
      if let start = candidates.first(where: { $0.lowercased().hasPrefix(key) }) { return start }
      if let inside = candidates.first(where: { $0.lowercased().contains(key) }) { return inside }
    }
    let limit = max(1, key.count / 3)
    var best: (candidate: String, distance: Int)?
    for candidate in candidates {
      let distance = editDistance(Array(key), Array(candidate.lowercased()))
      if distance <= limit, distance < (best?.distance ?? Int.max) { best = (candidate, distance) }
    }
    return best?.candidate
  }

  /// Levenshtein distance between two character arrays.
  static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
    guard !a.isEmpty else { return b.count }
    var previous = Array(0...b.count)
    for (i, x) in a.enumerated() {
      var current = [i + 1] + Array(repeating: 0, count: b.count)
      for (j, y) in b.enumerated() {
        current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1))
      }
      previous = current
    }
    return previous[b.count]
  }
}
