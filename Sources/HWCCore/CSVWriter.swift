/// Formats values as RFC 4180 CSV text that `CSVReader` reads back unchanged.
///
/// Rows end with a single LF (`"\n"`) rather than RFC 4180's CRLF: `CSVReader` and common
/// tools accept both, and LF keeps files diff-friendly. Line breaks inside values are written
/// as they are, inside quotes. A row of no fields writes an empty line, which reads back as
/// `[""]`. Values are not altered to defuse spreadsheet formulas (`=`, `+`, `-`, `@`).
public enum CSVWriter {
  /// Returns `value` as one CSV field, quoted only when it has to be.
  ///
  /// A field is quoted, with each `"` doubled, when it contains a comma, a quote, CR or LF,
  /// starts or ends with a space or tab, or starts with a byte order mark (which a reader
  /// would otherwise drop at the start of a file).
  public static func field(_ value: String) -> String {
    guard needsQuotes(value) else { return value }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(value.utf8.count + 2)
    bytes.append(quote)
    for byte in value.utf8 {
      if byte == quote { bytes.append(quote) }
      bytes.append(byte)
    }
    bytes.append(quote)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Returns the fields as one CSV line: each formatted by `field(_:)`, joined with commas,
  /// ending with `"\n"`.
  public static func row(_ fields: [String]) -> String {
    var line = fields.map(field).joined(separator: ",")
    line.append("\n")
    return line
  }

  private static let quote = UInt8(ascii: "\"")

  private static func needsQuotes(_ value: String) -> Bool {
    let utf8 = value.utf8
    guard let first = utf8.first, let last = utf8.last else { return false }
    let space = UInt8(ascii: " ")
    let tab = UInt8(ascii: "\t")
    if first == space || first == tab || last == space || last == tab { return true }
    if value.unicodeScalars.first == "\u{FEFF}" { return true }
    let comma = UInt8(ascii: ",")
    let lf = UInt8(ascii: "\n")
    let cr = UInt8(ascii: "\r")
    return utf8.contains { $0 == comma || $0 == quote || $0 == lf || $0 == cr }
  }
}
