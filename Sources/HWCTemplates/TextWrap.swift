/// Breaking text into lines at spaces, for table cells and documents' long texts.
public enum TextWrap {
  /// `text` broken into lines of at most `width` characters at spaces, tabs and newlines. A word
  /// longer than `width` is split when `splittingLongWords`, and otherwise kept whole on its own
  /// line (wider than `width`). Always at least one line.
  public static func lines(_ text: String, width: Int, splittingLongWords: Bool) -> [String] {
    precondition(width > 0, "wrap needs a positive width")
    var lines: [String] = []
    var current = ""
    for word in text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }) {
      var word = Substring(word)
      while splittingLongWords, word.count > width {
        if !current.isEmpty {
          lines.append(current)
          current = ""
        }
        lines.append(String(word.prefix(width)))
        word = word.dropFirst(width)
      }
      if current.isEmpty {
        current = String(word)
      } else if current.count + 1 + word.count <= width {
        current += " " + word
      } else {
        lines.append(current)
        current = String(word)
      }
    }
    if !current.isEmpty || lines.isEmpty { lines.append(current) }
    return lines
  }
}
