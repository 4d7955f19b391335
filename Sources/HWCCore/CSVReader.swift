#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One record of a CSV file: its fields and the physical line number (1-based) on which it starts.
public struct CSVRecord: Sendable, Equatable {
  /// The record's fields, unquoted, in file order; a blank line gives `[""]`.
  public var fields: [String]
  /// The 1-based physical line on which the record starts.
  public var line: Int

  /// Creates a record from its fields and the physical line on which it starts.
  public init(fields: [String], line: Int) {
    self.fields = fields
    self.line = line
  }
}

/// Why a CSV file could not be read; every case about content carries the 1-based physical line.
public enum CSVError: Error, CustomStringConvertible, Equatable {
  /// The input ends inside a quoted field; `line` is where that field starts.
  case unterminatedQuote(line: Int)
  /// A quote appears inside an unquoted field, as in `ab"c`.
  case unexpectedQuote(line: Int)
  /// Something other than a comma or line break follows a closing quote, as in `"abc"x`.
  case textAfterClosingQuote(line: Int)
  /// A field is not valid UTF-8; `line` is the line holding the first bad byte.
  case invalidUTF8(line: Int)
  /// The file could not be opened.
  case cannotOpen(path: String, reason: String)
  /// Reading the opened file failed (for example because the path is a directory).
  case readFailed(path: String, reason: String)
  /// A single field is longer than 1 MiB (after unquoting); `line` is where that field starts.
  case fieldTooLong(line: Int)

  /// One sentence saying what is wrong and where.
  public var description: String {
    switch self {
    case .unterminatedQuote(let line):
      return "line \(line): a quoted field is never closed"
    case .unexpectedQuote(let line):
      return "line \(line): a quote appears inside an unquoted field "
        + "(quote the whole field and double the inner quote)"
    case .textAfterClosingQuote(let line):
      return "line \(line): text follows the closing quote of a quoted field"
    case .invalidUTF8(let line):
      return "line \(line): the text is not valid UTF-8"
    case .cannotOpen(let path, let reason):
      return "cannot open \(path): \(reason)"
    case .readFailed(let path, let reason):
      return "cannot read \(path): \(reason)"
    case .fieldTooLong(let line):
      return "line \(line): a field is longer than 1 MiB"
    }
  }
}

/// Reads RFC 4180 CSV one record at a time from a file without loading the whole file.
///
/// - Fields are separated by commas; records end at LF, CRLF or a lone CR (a CR not
///   followed by LF ends the record, as in old Mac files). Line numbers count LF, CRLF
///   and lone CR as one physical line break each, including inside quoted fields.
/// - Quoted fields may hold commas, doubled quotes (`""` reads as `"`) and line breaks,
///   which are kept exactly as written (CRLF stays CRLF).
/// - A UTF-8 byte order mark at the very start is skipped. A last record without a
///   trailing line break is returned; an empty file gives no records. A blank line gives
///   a record with one empty field, `[""]`, which callers usually skip.
/// - The file is read in 64 KiB chunks into one reusable buffer; only the current record
///   is held in memory, and a single field may not exceed 1 MiB.
/// - After an error, every later call to `next()` throws the same error.
/// - The reader shares its state between copies: copies are handles to one stream.
public struct CSVReader {
  private let stream: CSVStream

  /// Opens the file at `path` for reading; throws `CSVError.cannotOpen` if it cannot be opened.
  public init(path: String) throws {
    stream = CSVStream(try CSVParser(path: path))
  }

  /// Reads CSV from bytes already in memory (for tests and small inputs).
  public init(bytes: [UInt8]) {
    stream = CSVStream(CSVParser(bytes: bytes))
  }

  /// Returns the next record, or nil at the end of the input.
  public mutating func next() throws -> CSVRecord? {
    try stream.parser.next()
  }

  /// How many bytes of the input have been parsed so far, for a progress line.
  public var bytesRead: Int { stream.parser.bytesRead }
}

/// The shared, reference-typed home of a reader's parser, so that `CSVReader` can be copied.
final class CSVStream {
  var parser: CSVParser

  init(_ parser: consuming CSVParser) {
    self.parser = parser
  }
}

/// The state behind a `CSVReader`: the descriptor, the chunk buffer and the parse position.
///
/// It is a noncopyable struct (owning the descriptor and buffer, released in `deinit`) so that
/// parsing works on plain stored properties, without the run-time exclusivity checks that
/// class properties would cost on every access; `CSVStream` gives it one shared home.
struct CSVParser: ~Copyable {
  /// Bytes read from the file per `read(2)` call.
  static let chunkSize = 65_536
  /// The longest field accepted, in bytes after unquoting.
  static let maxFieldBytes = 1_048_576

  private static let quote = UInt8(ascii: "\"")
  private static let comma = UInt8(ascii: ",")
  private static let lf = UInt8(ascii: "\n")
  private static let cr = UInt8(ascii: "\r")

  private let fd: Int32
  private let path: String
  private let buffer: UnsafeMutablePointer<UInt8>
  private let capacity: Int
  /// Next unparsed byte in `buffer`.
  private var pos = 0
  /// One past the last valid byte in `buffer`.
  private var end = 0
  /// Bytes dropped from the front of `buffer` by earlier refills.
  private var discarded = 0
  private var exhausted: Bool
  private var line = 1
  private var started = false
  /// The last record ended at a CR, so a LF right after it belongs to that line break.
  private var pendingLF = false
  private var failure: CSVError?
  /// Bytes of a field that spans chunks or holds doubled quotes.
  private var scratch: [UInt8] = []
  private var lastFieldCount = 8

  init(path: String) throws {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else {
      throw CSVError.cannotOpen(path: path, reason: CSVParser.errorText(errno))
    }
    self.fd = fd
    self.path = path
    capacity = CSVParser.chunkSize
    buffer = .allocate(capacity: capacity)
    exhausted = false
  }

  init(bytes: [UInt8]) {
    fd = -1
    path = "<memory>"
    let storage = UnsafeMutablePointer<UInt8>.allocate(capacity: Swift.max(bytes.count, 1))
    bytes.withUnsafeBufferPointer { source in
      if let base = source.baseAddress { storage.initialize(from: base, count: source.count) }
    }
    capacity = Swift.max(bytes.count, 1)
    buffer = storage
    end = bytes.count
    exhausted = true
  }

  deinit {
    if fd >= 0 { _ = close(fd) }
    buffer.deallocate()
  }

  var bytesRead: Int { discarded + pos }

  mutating func next() throws -> CSVRecord? {
    if let failure { throw failure }
    do {
      return try parseRecord()
    } catch let error as CSVError {
      failure = error
      throw error
    }
  }

  // MARK: - Buffer

  /// Makes at least `count` unparsed bytes available; false if the input ends first.
  private mutating func ensure(_ count: Int) throws -> Bool {
    while end - pos < count {
      if exhausted { return false }
      try refill()
    }
    return true
  }

  /// Moves the unparsed tail to the front of the buffer and reads more after it.
  private mutating func refill() throws {
    let keep = end - pos
    if keep > 0 && pos > 0 { buffer.update(from: buffer + pos, count: keep) }
    discarded += pos
    pos = 0
    end = keep
    while true {
      let count = read(fd, buffer + end, capacity - end)
      if count > 0 {
        end += count
        return
      }
      if count == 0 {
        exhausted = true
        return
      }
      let code = errno
      if code == EINTR { continue }
      throw CSVError.readFailed(path: path, reason: CSVParser.errorText(code))
    }
  }

  private static func errorText(_ code: Int32) -> String {
    guard let text = strerror(code) else { return "error \(code)" }
    return String(cString: text)
  }

  // MARK: - Records and fields

  private mutating func parseRecord() throws -> CSVRecord? {
    if !started {
      started = true
      if try ensure(3), buffer[pos] == 0xEF, buffer[pos + 1] == 0xBB, buffer[pos + 2] == 0xBF {
        pos += 3
      }
    }
    if pendingLF {
      pendingLF = false
      if try ensure(1), buffer[pos] == CSVParser.lf { pos += 1 }
    }
    guard try ensure(1) else { return nil }
    let recordLine = line
    var fields: [String] = []
    fields.reserveCapacity(lastFieldCount)
    while true {
      let fieldLine = line
      let more: Bool
      if try !ensure(1) {
        // The input ends right after a comma: the last field is empty.
        fields.append("")
        more = false
      } else if buffer[pos] == CSVParser.quote {
        pos += 1
        more = try parseQuoted(fieldLine, into: &fields)
      } else {
        more = try parseUnquoted(fieldLine, into: &fields)
      }
      if !more { break }
    }
    lastFieldCount = Swift.min(fields.count, 256)
    return CSVRecord(fields: fields, line: recordLine)
  }

  /// Consumes the terminator byte at `pos` (comma, LF or CR); true if the record goes on.
  private mutating func consumeTerminator(_ byte: UInt8) -> Bool {
    pos += 1
    if byte == CSVParser.comma { return true }
    line += 1
    if byte == CSVParser.cr { pendingLF = true }
    return false
  }

  /// Parses an unquoted field starting at `pos`; true if another field follows.
  private mutating func parseUnquoted(
    _ fieldLine: Int, into fields: inout [String]
  ) throws -> Bool {
    let comma = CSVParser.comma
    let quote = CSVParser.quote
    let lf = CSVParser.lf
    let cr = CSVParser.cr
    if !scratch.isEmpty { scratch.removeAll(keepingCapacity: true) }
    var spansChunks = false
    while true {
      let base = buffer
      let stop = end
      let start = pos
      var index = start
      while index < stop {
        let byte = base[index]
        if byte <= comma && (byte == comma || byte == quote || byte == lf || byte == cr) { break }
        index += 1
      }
      let length = index - start
      guard scratch.count + length <= CSVParser.maxFieldBytes else {
        throw CSVError.fieldTooLong(line: fieldLine)
      }
      if index < stop {
        let byte = base[index]
        if byte == quote { throw CSVError.unexpectedQuote(line: line) }
        if spansChunks {
          scratch.append(contentsOf: UnsafeBufferPointer(start: base + start, count: length))
          fields.append(try CSVParser.makeString(scratch, line: fieldLine))
        } else {
          fields.append(try CSVParser.makeString(base + start, length, line: fieldLine))
        }
        pos = index
        return consumeTerminator(byte)
      }
      scratch.append(contentsOf: UnsafeBufferPointer(start: base + start, count: length))
      spansChunks = true
      pos = stop
      if try !ensure(1) {
        fields.append(try CSVParser.makeString(scratch, line: fieldLine))
        return false
      }
    }
  }

  /// Parses a quoted field whose opening quote is already consumed; true if another follows.
  private mutating func parseQuoted(
    _ fieldLine: Int, into fields: inout [String]
  ) throws -> Bool {
    let comma = CSVParser.comma
    let quote = CSVParser.quote
    let lf = CSVParser.lf
    let cr = CSVParser.cr
    if !scratch.isEmpty { scratch.removeAll(keepingCapacity: true) }
    var afterCR = false
    while true {
      let base = buffer
      let stop = end
      let start = pos
      var index = start
      var lines = line
      while index < stop {
        let byte = base[index]
        if byte <= quote {
          if byte == quote { break }
          if byte == cr {
            lines += 1
            afterCR = true
            index += 1
            continue
          }
          if byte == lf && !afterCR { lines += 1 }
        }
        afterCR = false
        index += 1
      }
      line = lines
      let length = index - start
      guard scratch.count + length <= CSVParser.maxFieldBytes else {
        throw CSVError.fieldTooLong(line: fieldLine)
      }
      if index < stop {
        // A quote: it closes the field unless another quote follows.
        let next = index + 1
        if scratch.isEmpty && next < stop && base[next] != quote {
          // Fast path: the whole field lies in the buffer and holds no doubled quote.
          if base[next] == comma || base[next] == lf || base[next] == cr {
            fields.append(try CSVParser.makeString(base + start, length, line: fieldLine))
            pos = next
            return consumeTerminator(base[next])
          }
          throw CSVError.textAfterClosingQuote(line: line)
        }
        scratch.append(contentsOf: UnsafeBufferPointer(start: base + start, count: length))
        pos = next
        guard try ensure(1) else {
          fields.append(try CSVParser.makeString(scratch, line: fieldLine))
          return false
        }
        let byte = buffer[pos]
        if byte == quote {
          guard scratch.count < CSVParser.maxFieldBytes else {
            throw CSVError.fieldTooLong(line: fieldLine)
          }
          scratch.append(quote)
          pos += 1
          afterCR = false
          continue
        }
        guard byte == comma || byte == lf || byte == cr else {
          throw CSVError.textAfterClosingQuote(line: line)
        }
        fields.append(try CSVParser.makeString(scratch, line: fieldLine))
        return consumeTerminator(byte)
      }
      scratch.append(contentsOf: UnsafeBufferPointer(start: base + start, count: length))
      pos = stop
      guard try ensure(1) else { throw CSVError.unterminatedQuote(line: fieldLine) }
    }
  }

  // MARK: - UTF-8

  private static func makeString(_ bytes: [UInt8], line: Int) throws -> String {
    try bytes.withUnsafeBufferPointer { buffer in
      guard let base = buffer.baseAddress else { return "" }
      return try makeString(base, buffer.count, line: line)
    }
  }

  /// Decodes `count` bytes as UTF-8, or throws `invalidUTF8` with the line of the first bad byte.
  ///
  /// `String(decoding:)` replaces ill-formed sequences with U+FFFD, so its output equals the
  /// input exactly when the input is valid; comparing them is faster than validating first.
  private static func makeString(
    _ base: UnsafePointer<UInt8>, _ count: Int, line: Int
  ) throws -> String {
    var text = String(decoding: UnsafeBufferPointer(start: base, count: count), as: UTF8.self)
    let unchanged = text.withUTF8 { decoded in
      guard decoded.count == count, let start = decoded.baseAddress else { return count == 0 }
      return memcmp(start, base, count) == 0
    }
    if unchanged { return text }
    let bad = firstInvalidUTF8(base, count) ?? 0
    throw CSVError.invalidUTF8(line: line + lineBreaks(base, bad))
  }

  /// The offset of the first byte that does not start a well-formed UTF-8 sequence, if any.
  private static func firstInvalidUTF8(_ base: UnsafePointer<UInt8>, _ count: Int) -> Int? {
    var index = 0
    while index < count {
      if index + 8 <= count {
        let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
        if word & 0x8080_8080_8080_8080 == 0 {
          index += 8
          continue
        }
      }
      let lead = base[index]
      if lead < 0x80 {
        index += 1
        continue
      }
      // Width of the sequence and the allowed range of its second byte (RFC 3629 table 3-7).
      let (width, low, high): (Int, UInt8, UInt8)
      switch lead {
      case 0xC2...0xDF: (width, low, high) = (2, 0x80, 0xBF)
      case 0xE0: (width, low, high) = (3, 0xA0, 0xBF)
      case 0xE1...0xEC, 0xEE...0xEF: (width, low, high) = (3, 0x80, 0xBF)
      case 0xED: (width, low, high) = (3, 0x80, 0x9F)
      case 0xF0: (width, low, high) = (4, 0x90, 0xBF)
      case 0xF1...0xF3: (width, low, high) = (4, 0x80, 0xBF)
      case 0xF4: (width, low, high) = (4, 0x80, 0x8F)
      default: return index
      }
      guard index + width <= count else { return index }
      let second = base[index + 1]
      guard second >= low && second <= high else { return index }
      var offset = 2
      while offset < width {
        guard base[index + offset] & 0xC0 == 0x80 else { return index }
        offset += 1
      }
      index += width
    }
    return nil
  }

  /// Line breaks (LF, CRLF or lone CR, each counted once) in the first `count` bytes.
  private static func lineBreaks(_ base: UnsafePointer<UInt8>, _ count: Int) -> Int {
    var breaks = 0
    var afterCR = false
    for index in 0..<count {
      let byte = base[index]
      if byte == cr || (byte == lf && !afterCR) { breaks += 1 }
      afterCR = byte == cr
    }
    return breaks
  }
}
