/// The rows an import checked and will write, kept compactly between its two phases: one byte
/// array of variable-length integers and strings, not the CSV text nor a Swift value per row,
/// so a million rows take tens of megabytes.
///
/// Short strings that repeat (damage types, species, item codes, villages) are stored once and
/// referred to by number, up to `internLimit` distinct ones; the rest are written out.
struct ImportRecords {
  private(set) var bytes: [UInt8] = []
  private var interned: [String] = []
  private var internIndex: [String: Int] = [:]
  /// Most distinct strings kept once; beyond it a string is written out each time.
  let internLimit = 4096

  /// Bytes written so far: the offset the next record starts at.
  var count: Int { bytes.count }

  /// Appends a signed integer (zigzag, then 7 bits a byte).
  mutating func append(_ value: Int) {
    var rest = UInt64(bitPattern: Int64(value << 1) ^ Int64(value >> 63))
    while rest >= 0x80 {
      bytes.append(UInt8(rest & 0x7F) | 0x80)
      rest >>= 7
    }
    bytes.append(UInt8(rest))
  }

  /// Appends an optional integer: a presence flag, then the value.
  mutating func appendOptional(_ value: Int?) {
    append(value == nil ? 0 : 1)
    if let value { append(value) }
  }

  /// Appends a string: its UTF-8 length, then its bytes.
  mutating func append(_ text: String) {
    append(text.utf8.count)
    bytes.append(contentsOf: text.utf8)
  }

  /// Appends an optional string: a presence flag, then the string.
  mutating func appendOptional(_ text: String?) {
    append(text == nil ? 0 : 1)
    if let text { append(text) }
  }

  /// Appends a short, often repeated string: its number in the table (from 1), or 0 and the
  /// string when it is not there and the table is full.
  mutating func appendInterned(_ text: String) {
    if let index = internIndex[text] {
      append(index + 1)
    } else if interned.count < internLimit {
      internIndex[text] = interned.count
      interned.append(text)
      append(interned.count)
    } else {
      append(0)
      append(text)
    }
  }

  /// A reader from `offset` (0: the first record).
  func reader(at offset: Int = 0) -> Reader { Reader(records: self, offset: offset) }

  /// Reads records back in the order they were appended, with the same calls.
  struct Reader {
    let records: ImportRecords
    private(set) var offset: Int

    init(records: ImportRecords, offset: Int) {
      self.records = records
      self.offset = offset
    }

    /// True when every record has been read.
    var atEnd: Bool { offset >= records.bytes.count }

    mutating func int() -> Int {
      var value: UInt64 = 0
      var shift: UInt64 = 0
      while true {
        let byte = records.bytes[offset]
        offset += 1
        value |= UInt64(byte & 0x7F) << shift
        if byte < 0x80 { break }
        shift += 7
      }
      return Int(Int64(bitPattern: (value >> 1) ^ (0 &- (value & 1))))
    }

    mutating func optionalInt() -> Int? { int() == 0 ? nil : int() }

    mutating func string() -> String {
      let length = int()
      defer { offset += length }
      return String(decoding: records.bytes[offset..<offset + length], as: UTF8.self)
    }

    mutating func optionalString() -> String? { int() == 0 ? nil : string() }

    mutating func interned() -> String {
      let index = int()
      return index == 0 ? string() : records.interned[index - 1]
    }
  }
}
