import HWCCore
import HWCDomain
import HWCStore

/// How `hwc complaint import` treats bad rows.
public struct ImportOptions: Sendable {
  /// Validate and report, write nothing.
  public var dryRun = false
  /// Import the good rows; write the bad ones with their reasons to `rejectsPath`.
  public var skipInvalid = false
  public var rejectsPath: String?
  /// How the file's bytes are read: detected (UTF-8, else Windows-1251) unless `--encoding`.
  public var encoding = CSVEncoding.detect

  public init(
    dryRun: Bool = false, skipInvalid: Bool = false, rejectsPath: String? = nil,
    encoding: CSVEncoding = .detect
  ) {
    self.dryRun = dryRun
    self.skipInvalid = skipInvalid
    self.rejectsPath = rejectsPath
    self.encoding = encoding
  }
}

/// What an import did (or, in a dry run, would do).
public struct ImportSummary: Sendable {
  /// Data rows read.
  public var rows = 0
  /// Records created.
  public var created = 0
  /// Rows whose reference was already registered with the same details.
  public var unchanged = 0
  /// Rows refused.
  public var rejected = 0
  /// Claimants created from rows with an unknown ID and a name.
  public var claimantsCreated = 0
  /// True when the rows were written (false after a dry run or a refused file).
  public var committed = false
  /// The encoding the file was read in (UTF-8 or Windows-1251).
  public var encoding = CSVEncoding.utf8
  /// The field separator the header chose (`,` or `;`).
  public var separator: Character = ","

  /// How the file was read, when not plain UTF-8 with commas: `read as Windows-1251, ;-separated`.
  public var readingNote: String? {
    var parts: [String] = []
    if encoding == .windows1251 { parts.append("read as Windows-1251") }
    if separator != "," { parts.append("\(separator)-separated") }
    return parts.isEmpty ? nil : parts.joined(separator: ", ")
  }
  /// The complaint each written row created or matched (none unless committed).
  public var imported = ImportedRows()

  /// The counts, as the JSON document's first members.
  public var counts: [(String, JSON)] {
    [
      ("rows_read", .int(rows)), ("created", .int(created)), ("unchanged", .int(unchanged)),
      ("rejected", .int(rejected)), ("claimants_created", .int(claimantsCreated)),
      ("committed", .bool(committed)),
      ("encoding", .string(encoding.rawValue)), ("separator", .string(String(separator))),
    ]
  }

  /// The counts, and under `rows` the complaint of every written row.
  public var json: JSON {
    .object(counts + [("rows", committed ? imported.json : .array([]))])
  }
}

/// Why a whole file was refused before or while reading it.
public struct ImportFileError: Error, CustomStringConvertible {
  public let description: String
}

/// Reads a CSV file row by row against a declared header, reporting `FILE:LINE: column: problem`.
struct CSVRows {
  let path: String
  let label: String
  var reader: CSVReader
  let columns: [String: Int]
  let width: Int

  init(
    path: String, required: [String], optional: Set<String>, encoding: CSVEncoding = .detect
  ) throws {
    self.path = path
    self.label = path.split(separator: "/").last.map(String.init) ?? path
    do {
      reader = try CSVReader(path: path, encoding: encoding, separatorFromHeader: true)
      guard let header = try reader.next() else {
        throw ImportFileError(description: "\(label):1: the file is empty; it needs a header row")
      }
      var columns: [String: Int] = [:]
      for (index, name) in header.fields.enumerated() {
        let key = name.trimmingSpaces.lowercased()
        guard required.contains(key) || optional.contains(key) else {
          throw ImportFileError(
            description: "\(label):\(header.line): header: unknown column '\(name)' "
              + "(expected: \(required.joined(separator: ", ")))")
        }
        guard columns[key] == nil else {
          throw ImportFileError(
            description: "\(label):\(header.line): header: column '\(key)' appears twice")
        }
        columns[key] = index
      }
      for name in required where columns[name] == nil {
        throw ImportFileError(
          description: "\(label):\(header.line): header: missing column '\(name)'")
      }
      self.columns = columns
      self.width = header.fields.count
    } catch let error as CSVError {
      throw CSVRows.fileError(label, error)
    }
  }

  /// `FILE:LINE: problem` for a CSV error that has a line, `FILE: problem` otherwise.
  static func fileError(_ label: String, _ error: CSVError) -> ImportFileError {
    let text = error.description
    if let line = error.line, text.hasPrefix("line \(line):") {
      return ImportFileError(
        description: "\(label):\(line):\(text.dropFirst("line \(line):".count))")
    }
    return ImportFileError(description: "\(label): \(text)")
  }

  /// The next non-blank row, or nil at the end; a row of the wrong width is returned with
  /// `problem` set.
  mutating func next() throws -> (line: Int, fields: [String], problem: String?)? {
    do {
      while let record = try reader.next() {
        if record.fields.count == 1, record.fields[0].trimmingSpaces.isEmpty { continue }
        if record.fields.count != width {
          return (
            record.line, record.fields,
            "row: has \(record.fields.count) fields, the header has \(width)"
          )
        }
        return (record.line, record.fields, nil)
      }
      return nil
    } catch let error as CSVError {
      throw CSVRows.fileError(label, error)
    }
  }

  func field(_ fields: [String], _ name: String) -> String {
    guard let index = columns[name], index < fields.count else { return "" }
    return fields[index].trimmingSpaces
  }

  var bytesRead: Int { reader.bytesRead }
}

/// Writes rejected rows, with their reasons, as they are found; renamed into place at the end.
struct RejectsFile {
  let file: TextFile

  /// Readable by its owner only: the rows keep the claimants' full national IDs, for the officer
  /// to correct and import again.
  init(path: String, header: [String]) throws {
    file = try TextFile(path: path, mode: 0o600)
    try file.write(CSVWriter.row(["line"] + header + ["error"]))
  }

  /// Writes a bad row under the header's columns: a short row is padded, a long row's extra
  /// fields are kept, joined, in its last column.
  func add(line: Int, fields: [String], width: Int, error: String) throws {
    var cells = fields
    if cells.count < width { cells += Array(repeating: "", count: width - cells.count) }
    if cells.count > width, width > 0 {
      cells = Array(cells[..<(width - 1)]) + [cells[(width - 1)...].joined(separator: ",")]
    }
    try file.write(CSVWriter.row([String(line)] + cells + [error]))
  }
}
