import HWCRules

/// An assessment's explanation as one compact value (`assessment.explanation`, migration 0018):
/// the steps in order, each its step, rule, values and stored text, with step, rule and value
/// names as small codes and numbers and dates as varints (issue #12: the steps were a third of
/// a register). Decoding gives back exactly the lines encoded; a name or value the codes do not
/// know is written out in full, so every line can be stored.
///
/// The codes below are part of the register's format: entries are only ever appended.
enum ExplanationCodec {
  /// The first byte of every encoded explanation.
  static let version: UInt8 = 1

  /// Step codes: the index in this list.
  static let steps: [ExplanationStep] = [.eligibility, .lines, .reduction, .cap, .minimum, .payer]

  /// Rule codes: the index in this list plus one (0: the rule's name follows).
  static let rules: [String] = [
    "below_minimum", "cap", "cap_not_reached", "cap_reached", "clause_clear",
    "clause_suspended", "coverage", "deadline_met", "deadline_missed", "emergency_covers",
    "emergency_missing", "emergency_not_required", "inspected", "line", "line_not_insured",
    "member", "minimum_met", "not_member", "outside_conservancy", "payer",
    "reduction_not_applicable", "reduction_protected", "reduction_unprotected", "subtotal",
    "type_covered", "vet_certificate", "vet_certificate_missing",
    "vet_certificate_not_required", "line_not_insurable", "not_inspected", "not_covered",
    "type_not_covered",
  ]

  /// Value name codes: the index in this list plus one (0: the name follows).
  static let keys: [String] = [
    "amount_minor", "mrp_from", "mrp", "remaining_minor", "date", "type", "exact",
    "incident_date", "quantity_centi", "item", "reported_date", "limit_days_from", "limit_days",
    "key", "days", "rate_mrp_from", "rate_mrp", "minimum_minor", "cap_minor", "already_minor",
    "payer", "year", "minimum_mrp_from", "minimum_mrp", "cap_mrp_from", "cap_mrp", "season",
    "fund", "to", "from", "decree", "coverage_percent_from", "coverage_percent", "species",
    "district", "payable_centi", "insured", "compensated", "value_from", "value",
    "window_days_from", "window_days", "loss_date", "protected", "minimum_from", "minimum",
    "cap_from", "cap", "subtotal_minor", "percent_from", "percent", "certificate", "kind",
    "incident", "days_before", "adults_paid_centi", "unit", "head",
  ]

  private static let ruleCodes = Dictionary(
    uniqueKeysWithValues: rules.enumerated().map { ($1, $0 + 1) })
  private static let keyCodes = Dictionary(
    uniqueKeysWithValues: keys.enumerated().map { ($1, $0 + 1) })

  /// How a value is written, in the low two bits of its name's code.
  private enum Tag: Int {
    case text = 0
    case natural = 1
    case negative = 2
    case date = 3
  }

  /// The bytes of `lines`, each with the text `text(line)` returns (empty when the renderer
  /// rebuilds it).
  static func encode(_ lines: [ExplanationLine], text: (ExplanationLine) -> String) -> [UInt8] {
    var bytes: [UInt8] = [version]
    bytes.reserveCapacity(32 * lines.count)
    for line in lines {
      bytes.append(UInt8(steps.firstIndex(of: line.step)!))
      name(line.rule, code: ruleCodes[line.rule], shift: 0, to: &bytes)
      varint(UInt64(line.values.count), to: &bytes)
      for (key, value) in line.values.sorted(by: { $0.key < $1.key }) {
        let (tag, number) = classify(value)
        name(key, code: keyCodes[key], shift: 2, tag: tag.rawValue, to: &bytes)
        if tag == .text {
          string(value, to: &bytes)
        } else {
          varint(number, to: &bytes)
        }
      }
      string(text(line), to: &bytes)
    }
    return bytes
  }

  /// The lines of `bytes`; nil when they are not an encoded explanation.
  static func decode(_ bytes: [UInt8]) -> [ExplanationLine]? {
    var reader = Reader(bytes: bytes)
    guard reader.byte() == version else { return nil }
    var lines: [ExplanationLine] = []
    while !reader.atEnd {
      guard let stepCode = reader.byte(), Int(stepCode) < steps.count,
        let rule = reader.name(rules, shift: 0)?.name,
        let count = reader.varint()
      else { return nil }
      var values: [String: String] = [:]
      for _ in 0..<count {
        guard let (key, tag) = reader.name(keys, shift: 2), let tag = Tag(rawValue: tag) else {
          return nil
        }
        let value: String?
        switch tag {
        case .text: value = reader.string()
        case .natural: value = reader.varint().map { String($0) }
        case .negative: value = reader.varint().map { "-" + String($0) }
        case .date: value = reader.varint().map(dateText)
        }
        guard let value else { return nil }
        values[key] = value
      }
      guard let text = reader.string() else { return nil }
      lines.append(
        ExplanationLine(step: steps[Int(stepCode)], rule: rule, values: values, text: text))
    }
    return lines
  }

  // MARK: Writing

  /// How `value` is written: a canonical integer or `YYYY-MM-DD` date as a number, else text.
  private static func classify(_ value: String) -> (Tag, UInt64) {
    let utf8 = Array(value.utf8)
    if let natural = natural(utf8[...]) { return (.natural, natural) }
    if utf8.first == UInt8(ascii: "-"), let magnitude = natural(utf8.dropFirst()), magnitude > 0 {
      return (.negative, magnitude)
    }
    if utf8.count == 10, utf8[4] == UInt8(ascii: "-"), utf8[7] == UInt8(ascii: "-"),
      let year = natural(utf8[0..<4]), let month = natural(utf8[5..<7]),
      let day = natural(utf8[8..<10]), (1...12).contains(month), (1...31).contains(day)
    {
      let packed = year << 9 | month << 5 | day
      if dateText(packed) == value { return (.date, packed) }
    }
    return (.text, 0)
  }

  /// The digits of a canonical natural number (no sign, no leading zero) of up to 18 digits.
  private static func natural(_ digits: ArraySlice<UInt8>) -> UInt64? {
    guard !digits.isEmpty, digits.count <= 18,
      digits.count == 1 || digits.first != UInt8(ascii: "0")
    else { return nil }
    var number: UInt64 = 0
    for digit in digits {
      guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(digit) else { return nil }
      number = number * 10 + UInt64(digit - UInt8(ascii: "0"))
    }
    return number
  }

  /// A packed date (`year << 9 | month << 5 | day`) as `YYYY-MM-DD`.
  private static func dateText(_ packed: UInt64) -> String {
    func padded(_ number: UInt64, _ width: Int) -> String {
      let digits = String(number)
      return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
    return padded(packed >> 9, 4) + "-" + padded(packed >> 5 & 15, 2) + "-"
      + padded(packed & 31, 2)
  }

  /// A name as its code shifted left by `shift` with `tag` in the low bits; code 0 is followed
  /// by the name itself.
  private static func name(
    _ name: String, code: Int?, shift: Int, tag: Int = 0, to bytes: inout [UInt8]
  ) {
    varint(UInt64((code ?? 0) << shift | tag), to: &bytes)
    if code == nil { string(name, to: &bytes) }
  }

  private static func string(_ text: String, to bytes: inout [UInt8]) {
    varint(UInt64(text.utf8.count), to: &bytes)
    bytes.append(contentsOf: text.utf8)
  }

  /// LEB128: seven bits a byte, low first, the high bit set on all but the last.
  private static func varint(_ value: UInt64, to bytes: inout [UInt8]) {
    var rest = value
    while rest >= 0x80 {
      bytes.append(UInt8(rest & 0x7F) | 0x80)
      rest >>= 7
    }
    bytes.append(UInt8(rest))
  }

  // MARK: Reading

  /// A cursor over encoded bytes; every read returns nil past the end or on malformed input.
  private struct Reader {
    let bytes: [UInt8]
    var offset = 0

    var atEnd: Bool { offset >= bytes.count }

    mutating func byte() -> UInt8? {
      guard offset < bytes.count else { return nil }
      defer { offset += 1 }
      return bytes[offset]
    }

    mutating func varint() -> UInt64? {
      var value: UInt64 = 0
      var shift: UInt64 = 0
      while let byte = byte() {
        guard shift < 63 else { return nil }
        value |= UInt64(byte & 0x7F) << shift
        if byte < 0x80 { return value }
        shift += 7
      }
      return nil
    }

    mutating func string() -> String? {
      guard let count = varint(), count <= bytes.count - offset else { return nil }
      defer { offset += Int(count) }
      return String(validating: bytes[offset..<(offset + Int(count))], as: UTF8.self)
    }

    /// A name written by `ExplanationCodec.name` and its tag.
    mutating func name(_ names: [String], shift: Int) -> (name: String, tag: Int)? {
      guard let value = varint() else { return nil }
      let code = Int(value >> UInt64(shift))
      let tag = Int(value & ((1 << UInt64(shift)) - 1))
      if code == 0 { return string().map { ($0, tag) } }
      guard code <= names.count else { return nil }
      return (names[code - 1], tag)
    }
  }
}
