import HWCCore

/// The complaint one written row of an import created or matched.
public struct ImportedRow: Sendable, Equatable {
  /// The row's line in the file.
  public let line: Int
  /// The complaint's field-form ref, when it has one.
  public let ref: String?
  /// The complaint's id, e.g. `ZHA-2026-0001`.
  public let code: String
  /// True when the row added something (a complaint, an inspection), false when it was there.
  public let created: Bool

  /// `{line, ref, id, created}`.
  public var json: JSON {
    .object([
      ("line", .int(line)), ("ref", .optional(ref)), ("id", .string(code)),
      ("created", .bool(created)),
    ])
  }
}

/// The complaints an import's written rows created or matched, in the order they were written,
/// kept as compactly as the rows themselves (`ImportRecords`: some 30 bytes a row) until the
/// import is committed and they are printed.
public struct ImportedRows: Sendable, Sequence {
  private var records = ImportRecords()
  /// Rows kept.
  public private(set) var count = 0

  public init() {}

  mutating func add(_ row: ImportedRow) {
    _ = records.startRecord()
    records.append(row.line)
    records.appendOptional(row.ref)
    records.append(row.code)
    records.append(row.created ? 1 : 0)
    count += 1
  }

  /// Reads the rows back in order.
  public struct Iterator: IteratorProtocol {
    fileprivate var reader: ImportRecords.Reader
    fileprivate var remaining: Int

    public mutating func next() -> ImportedRow? {
      guard remaining > 0 else { return nil }
      remaining -= 1
      _ = reader.atEnd  // moves to the next chunk when this one is read
      let line = reader.int()
      let ref = reader.optionalString()
      let code = reader.string()
      return ImportedRow(line: line, ref: ref, code: code, created: reader.int() == 1)
    }
  }

  public func makeIterator() -> Iterator { Iterator(reader: records.reader(), remaining: count) }

  /// `[{line, ref, id, created}]`.
  public var json: JSON {
    var rows: [JSON] = []
    rows.reserveCapacity(count)
    for row in self { rows.append(row.json) }
    return .array(rows)
  }
}
