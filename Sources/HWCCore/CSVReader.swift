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

/// Reads RFC 4180 CSV one record at a time from a file without loading the whole file.
///
/// - Fields are separated by commas, or by semicolons when the reader is asked to decide on the
///   header line and that line (outside quotes) holds more semicolons than commas, as Excel in a
///   Russian locale saves. Records end at LF, CRLF or a lone CR (a CR not
///   followed by LF ends the record, as in old Mac files). Line numbers count LF, CRLF
///   and lone CR as one physical line break each, including inside quoted fields.
/// - Quoted fields may hold commas, doubled quotes (`""` reads as `"`) and line breaks,
///   which are kept exactly as written (CRLF stays CRLF).
/// - Text is UTF-8, Windows-1251, or either: with `.detect` the first chunk holding non-ASCII
///   bytes decides (Windows-1251 when they are not valid UTF-8). Errors name the line, the
///   byte's offset in the file and its value.
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
  /// `separatorFromHeader` lets the header line choose `;` over `,`.
  public init(path: String, encoding: CSVEncoding = .utf8, separatorFromHeader: Bool = false)
    throws
  {
    stream = CSVStream(try CSVParser(path: path))
    stream.parser.configure(encoding: encoding, separatorFromHeader: separatorFromHeader)
  }

  /// Reads CSV from bytes already in memory (for tests and small inputs).
  public init(bytes: [UInt8], encoding: CSVEncoding = .utf8, separatorFromHeader: Bool = false) {
    stream = CSVStream(CSVParser(bytes: bytes))
    stream.parser.configure(encoding: encoding, separatorFromHeader: separatorFromHeader)
  }

  /// The encoding the text is read in: with `.detect`, UTF-8 until non-ASCII text decides.
  public var encoding: CSVEncoding { stream.parser.decoding == .windows1251 ? .windows1251 : .utf8 }

  /// The field separator: `,`, or `;` once a header line that uses it has been read.
  public var separator: Character { Character(Unicode.Scalar(stream.parser.separator)) }

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

  static let quote = UInt8(ascii: "\"")
  static let comma = UInt8(ascii: ",")
  static let semicolon = UInt8(ascii: ";")
  static let lf = UInt8(ascii: "\n")
  static let cr = UInt8(ascii: "\r")

  private let fd: Int32
  private let path: String
  let buffer: UnsafeMutablePointer<UInt8>
  private let capacity: Int
  /// Next unparsed byte in `buffer`.
  var pos = 0
  /// One past the last valid byte in `buffer`.
  var end = 0
  /// Bytes dropped from the front of `buffer` by earlier refills.
  var discarded = 0
  var exhausted: Bool
  /// The byte between fields: a comma unless the header chose a semicolon.
  private(set) var separator = CSVParser.comma
  private var separatorFromHeader = false
  /// How field bytes become text; `.detect` until the first non-ASCII bytes decide.
  var decoding = CSVEncoding.utf8
  /// The file offset of the current field's first content byte (after an opening quote).
  var fieldStart = 0
  /// While `.detect` is undecided: the bytes of a first non-ASCII sequence cut by the end of a
  /// chunk, and their file offset, judged with the bytes that follow them.
  var cutSequence: [UInt8] = []
  var cutOffset = 0
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

  /// Sets the encoding and separator rules before the first record is read.
  mutating func configure(encoding: CSVEncoding, separatorFromHeader: Bool) {
    decoding = encoding
    self.separatorFromHeader = separatorFromHeader
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
        if decoding == .detect { detectEncoding() }
        return
      }
      if count == 0 {
        exhausted = true
        if decoding == .detect { detectEncoding() }
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
      if decoding == .detect { detectEncoding() }
      if try ensure(3), buffer[pos] == 0xEF, buffer[pos + 1] == 0xBB, buffer[pos + 2] == 0xBF {
        pos += 3
      }
      if separatorFromHeader { try chooseSeparator() }
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
        fieldStart = discarded + pos
        more = try parseQuoted(fieldLine, into: &fields)
      } else {
        fieldStart = discarded + pos
        more = try parseUnquoted(fieldLine, into: &fields)
      }
      if !more { break }
    }
    lastFieldCount = Swift.min(fields.count, 256)
    return CSVRecord(fields: fields, line: recordLine)
  }

  /// Chooses `;` when the header line (outside quotes, within the first chunk) holds more
  /// semicolons than commas.
  private mutating func chooseSeparator() throws {
    var offset = 0
    var quoted = false
    var commas = 0
    var semicolons = 0
    while offset < capacity - 1, try ensure(offset + 1) {
      let byte = buffer[pos + offset]
      if byte == CSVParser.quote {
        quoted.toggle()
      } else if !quoted {
        if byte == CSVParser.lf || byte == CSVParser.cr { break }
        if byte == CSVParser.comma { commas += 1 }
        if byte == CSVParser.semicolon { semicolons += 1 }
      }
      offset += 1
    }
    if semicolons > commas { separator = CSVParser.semicolon }
  }

  /// Consumes the terminator byte at `pos` (separator, LF or CR); true if the record goes on.
  private mutating func consumeTerminator(_ byte: UInt8) -> Bool {
    pos += 1
    if byte == separator { return true }
    line += 1
    if byte == CSVParser.cr { pendingLF = true }
    return false
  }

  /// Parses an unquoted field starting at `pos`; true if another field follows.
  private mutating func parseUnquoted(
    _ fieldLine: Int, into fields: inout [String]
  ) throws -> Bool {
    let separator = self.separator
    let quote = CSVParser.quote
    let lf = CSVParser.lf
    let cr = CSVParser.cr
    // Every special byte is at most `top`, so most bytes are passed with one comparison.
    let top = Swift.max(separator, quote)
    if !scratch.isEmpty { scratch.removeAll(keepingCapacity: true) }
    var spansChunks = false
    while true {
      let base = buffer
      let stop = end
      let start = pos
      var index = start
      while index < stop {
        let byte = base[index]
        if byte <= top && (byte == separator || byte == quote || byte == lf || byte == cr) {
          break
        }
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
          fields.append(try text(scratch, line: fieldLine))
        } else {
          fields.append(try text(base + start, length, line: fieldLine))
        }
        pos = index
        return consumeTerminator(byte)
      }
      scratch.append(contentsOf: UnsafeBufferPointer(start: base + start, count: length))
      spansChunks = true
      pos = stop
      if try !ensure(1) {
        fields.append(try text(scratch, line: fieldLine))
        return false
      }
    }
  }

  /// Parses a quoted field whose opening quote is already consumed; true if another follows.
  private mutating func parseQuoted(
    _ fieldLine: Int, into fields: inout [String]
  ) throws -> Bool {
    let separator = self.separator
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
          if base[next] == separator || base[next] == lf || base[next] == cr {
            fields.append(try text(base + start, length, line: fieldLine))
            pos = next
            return consumeTerminator(base[next])
          }
          throw CSVError.textAfterClosingQuote(line: line)
        }
        scratch.append(contentsOf: UnsafeBufferPointer(start: base + start, count: length))
        pos = next
        guard try ensure(1) else {
          fields.append(try text(scratch, line: fieldLine))
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
        guard byte == separator || byte == lf || byte == cr else {
          throw CSVError.textAfterClosingQuote(line: line)
        }
        fields.append(try text(scratch, line: fieldLine))
        return consumeTerminator(byte)
      }
      scratch.append(contentsOf: UnsafeBufferPointer(start: base + start, count: length))
      pos = stop
      guard try ensure(1) else { throw CSVError.unterminatedQuote(line: fieldLine) }
    }
  }
}
