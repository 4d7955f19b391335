/// Why a CSV file could not be read; every case about content carries the 1-based physical line.
public enum CSVError: Error, CustomStringConvertible, Equatable {
  /// The input ends inside a quoted field; `line` is where that field starts.
  case unterminatedQuote(line: Int)
  /// A quote appears inside an unquoted field, as in `ab"c`.
  case unexpectedQuote(line: Int)
  /// Something other than a separator or line break follows a closing quote, as in `"abc"x`.
  case textAfterClosingQuote(line: Int)
  /// A field is not valid UTF-8: the line holding the first bad byte, the byte's offset in the
  /// file (counted from 0) and its value.
  case invalidUTF8(line: Int, offset: Int, byte: UInt8)
  /// A byte that has no character in Windows-1251 (0x98), with its line, offset and value.
  case undefinedInWindows1251(line: Int, offset: Int, byte: UInt8)
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
    case .invalidUTF8(let line, let offset, let byte):
      return "line \(line): byte \(CSVError.hex(byte)) at offset \(offset) is not valid UTF-8 "
        + "(a file saved as Windows-1251 is read with --encoding cp1251)"
    case .undefinedInWindows1251(let line, let offset, let byte):
      return "line \(line): byte \(CSVError.hex(byte)) at offset \(offset) is not a character "
        + "in Windows-1251 (is the file UTF-8? use --encoding utf-8)"
    case .cannotOpen(let path, let reason):
      return "cannot open \(path): \(reason)"
    case .readFailed(let path, let reason):
      return "cannot read \(path): \(reason)"
    case .fieldTooLong(let line):
      return "line \(line): a field is longer than 1 MiB"
    }
  }

  /// The line a content error names, or nil for an error about the file itself.
  public var line: Int? {
    switch self {
    case .unterminatedQuote(let line), .unexpectedQuote(let line),
      .textAfterClosingQuote(let line), .fieldTooLong(let line),
      .invalidUTF8(let line, _, _), .undefinedInWindows1251(let line, _, _):
      return line
    case .cannotOpen, .readFailed: return nil
    }
  }

  /// `0x98`: a byte as two upper-case hex digits.
  static func hex(_ byte: UInt8) -> String {
    let digits = Array("0123456789ABCDEF")
    return "0x\(digits[Int(byte >> 4)])\(digits[Int(byte & 0x0F)])"
  }
}

/// How a CSV file's bytes are turned into text.
public enum CSVEncoding: String, Sendable, Equatable, CaseIterable {
  /// UTF-8 (with or without Excel's byte order mark).
  case utf8 = "utf-8"
  /// Windows-1251, the Cyrillic code page of Excel in a Russian locale.
  case windows1251 = "cp1251"
  /// UTF-8 unless the first non-ASCII text is not valid UTF-8, then Windows-1251.
  case detect = "detect"

  /// The encoding named by an `--encoding` value (`utf-8`, `utf8`, `cp1251`, `windows-1251`).
  public init?(option text: String) {
    switch text.lowercased() {
    case "utf-8", "utf8": self = .utf8
    case "cp1251", "windows-1251", "windows1251": self = .windows1251
    default: return nil
    }
  }

  /// The encoding's name as a summary prints it.
  public var name: String {
    switch self {
    case .utf8: return "UTF-8"
    case .windows1251: return "Windows-1251"
    case .detect: return "UTF-8 or Windows-1251"
    }
  }
}
