/// The rows an import checked and will write, kept compactly between its two phases: bytes of
/// variable-length integers and strings, not the CSV text nor a Swift value per row, so a
/// million rows take tens of megabytes.
///
/// The bytes are kept in chunks of about a megabyte, never copied to grow (a growing array
/// would briefly need twice its size); a record never spans two chunks. Short strings that
/// repeat (damage types, species, item codes, villages) are stored once and referred to by
/// number, up to `internLimit` distinct ones; the rest are written out.
struct ImportRecords {
  /// Full chunks, and where each starts in the whole.
  private var chunks: [[UInt8]] = []
  private var starts: [Int] = []
  /// The chunk being written.
  private var bytes: [UInt8] = []
  private var interned: [String] = []
  private var internIndex: [String: Int] = [:]
  /// Most distinct strings kept once; beyond it a string is written out each time.
  let internLimit = 4096
  /// The size at which a chunk is full.
  static let chunkSize = 1 << 20

  /// Bytes written so far.
  var count: Int { (starts.last ?? 0) + (chunks.last?.count ?? 0) + bytes.count }

  /// Starts a record and returns its position, for `reader(at:)`.
  mutating func startRecord() -> Int {
    if bytes.count >= ImportRecords.chunkSize {
      starts.append(count - bytes.count)
      chunks.append(bytes)
      bytes = []
    }
    if bytes.isEmpty { bytes.reserveCapacity(ImportRecords.chunkSize + 16 * 1024) }
    return count
  }

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

  /// A reader from `position` (0: the first record).
  func reader(at position: Int = 0) -> Reader {
    let all = chunks + [bytes]
    let allStarts = starts + [count - bytes.count]
    var index = all.count - 1
    while index > 0, allStarts[index] > position { index -= 1 }
    return Reader(
      chunks: all, interned: interned, chunk: index, offset: position - allStarts[index])
  }

  /// Reads records back in the order they were appended, with the same calls.
  struct Reader {
    private let chunks: [[UInt8]]
    private let table: [String]
    private var chunk: Int
    private var offset: Int

    init(chunks: [[UInt8]], interned: [String], chunk: Int, offset: Int) {
      self.chunks = chunks
      self.table = interned
      self.chunk = chunk
      self.offset = offset
    }

    /// True when every record has been read; else moves to the next record's chunk.
    var atEnd: Bool {
      mutating get {
        while offset >= chunks[chunk].count, chunk + 1 < chunks.count {
          chunk += 1
          offset = 0
        }
        return offset >= chunks[chunk].count
      }
    }

    mutating func int() -> Int {
      var value: UInt64 = 0
      var shift: UInt64 = 0
      while true {
        let byte = chunks[chunk][offset]
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
      return String(decoding: chunks[chunk][offset..<offset + length], as: UTF8.self)
    }

    mutating func optionalString() -> String? { int() == 0 ? nil : string() }

    mutating func interned() -> String {
      let index = int()
      return index == 0 ? string() : table[index - 1]
    }
  }
}
