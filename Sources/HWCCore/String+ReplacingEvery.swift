extension String {
  /// This text with every occurrence of `token` replaced by `value`, found byte by byte: what
  /// `replacing(_:with:)` gives for the placeholders of hwc's words (ASCII tokens such as
  /// `{n}`), at a fraction of its cost on short texts (issue #12: every explanation step of an
  /// assessment is worded to check its stored text).
  public func replacingEvery(_ token: String, with value: String) -> String {
    let needle = Array(token.utf8)
    guard let first = needle.first, utf8.count >= needle.count else { return self }
    let bytes = Array(utf8)
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count + value.utf8.count)
    var index = 0
    while index < bytes.count {
      if bytes[index] == first, index + needle.count <= bytes.count,
        bytes[index..<(index + needle.count)].elementsEqual(needle)
      {
        out.append(contentsOf: value.utf8)
        index += needle.count
      } else {
        out.append(bytes[index])
        index += 1
      }
    }
    return String(decoding: out, as: UTF8.self)
  }
}
