import HWCCore

/// A bundle: one file an office sends the ministry (`hwc office export FILE`, read by
/// `hwc national accept FILE`), made of
///
/// ```
/// hwc-bundle 1\n
/// {manifest JSON on one line}\n
/// hmac-sha256 <64 lowercase hex>\n
/// <snapshot: exactly manifest.snapshot_bytes bytes of an SQLite database file>
/// ```
///
/// The HMAC-SHA256 under the office's 32-byte key covers the manifest line's exact bytes
/// (without its newline); the manifest carries the snapshot's size and SHA-256, so the HMAC
/// covers the whole file. Reading is in `OfficeBundle+Read.swift`, writing in
/// `OfficeBundle+Write.swift`.
public enum OfficeBundle {
  /// The first line of every bundle, without its newline.
  public static let magic = "hwc-bundle 1"
  /// The start of the third line, before the MAC's 64 hex digits.
  public static let hmacPrefix = "hmac-sha256 "

  /// The HMAC-SHA256 of `manifestLine` (without newline) under `key`, as 64 lowercase hex.
  public static func hmacHex(manifestLine: String, key: [UInt8]) -> String {
    SHA256.hex(HMACSHA256.mac(key: key, message: Array(manifestLine.utf8)))
  }

  /// The bundle's manifest: who sent it, where its audit chain stood, and its snapshot's size
  /// and digest.
  public struct Manifest: Sendable, Equatable {
    /// The office's code, e.g. `WKO-KAZTALOV`.
    public var office: String
    /// The export's number: 1, 2, … per office.
    public var export: Int
    /// The office's district codes, sorted.
    public var districts: [String]
    /// The office's conservancy codes, sorted.
    public var conservancies: [String]
    /// The snapshot's last audit entry number; 0 when its log is empty.
    public var chainPosition: Int
    /// That entry's hash, 64 hex (the zero hash when the log is empty).
    public var chainHead: String
    /// The previous export's `chainPosition`; nil for the first export.
    public var previousPosition: Int?
    /// The previous export's `chainHead`; nil for the first export.
    public var previousHead: String?
    /// The hwc release that wrote the bundle, e.g. `0.9.0`.
    public var hwcVersion: String
    /// When the bundle was made, UTC `YYYY-MM-DDTHH:MM:SSZ`.
    public var createdAt: String
    /// The snapshot's length in bytes.
    public var snapshotBytes: Int
    /// The snapshot's SHA-256, 64 lowercase hex.
    public var snapshotSHA256: String

    /// A manifest with every field given.
    public init(
      office: String, export: Int, districts: [String], conservancies: [String],
      chainPosition: Int, chainHead: String, previousPosition: Int?, previousHead: String?,
      hwcVersion: String, createdAt: String, snapshotBytes: Int, snapshotSHA256: String
    ) {
      self.office = office
      self.export = export
      self.districts = districts.sorted()
      self.conservancies = conservancies.sorted()
      self.chainPosition = chainPosition
      self.chainHead = chainHead
      self.previousPosition = previousPosition
      self.previousHead = previousHead
      self.hwcVersion = hwcVersion
      self.createdAt = createdAt
      self.snapshotBytes = snapshotBytes
      self.snapshotSHA256 = snapshotSHA256
    }

    /// The manifest as JSON, keys in the contract's order.
    public var json: JSON {
      .object([
        ("office", .string(office)),
        ("export", .int(export)),
        ("districts", .array(districts.map(JSON.string))),
        ("conservancies", .array(conservancies.map(JSON.string))),
        ("chain_position", .int(chainPosition)),
        ("chain_head", .string(chainHead)),
        ("previous_position", .optional(previousPosition)),
        ("previous_head", .optional(previousHead)),
        ("hwc_version", .string(hwcVersion)),
        ("created_at", .string(createdAt)),
        ("snapshot_bytes", .int(snapshotBytes)),
        ("snapshot_sha256", .string(snapshotSHA256)),
      ])
    }

    /// The manifest's line in the file, without its newline: the bytes the HMAC covers.
    public var line: String { json.text() }

    /// Reads a manifest line; `BundleProblem.manifest` naming the first field at fault.
    public init(line: String) throws(BundleProblem) {
      let json: JSON
      do {
        json = try JSON.parse(line)
      } catch {
        throw .manifest("it is not JSON (\(error))")
      }
      guard case .object = json else { throw .manifest("it is not a JSON object") }
      func field<T>(_ key: String, _ read: (JSON) -> T?) throws(BundleProblem) -> T {
        guard let value = json[key] else { throw .manifest("\(key) is missing") }
        guard let typed = read(value) else { throw .manifest("\(key) is not valid") }
        return typed
      }
      let string: (JSON) -> String? = { if case .string(let s) = $0 { s } else { nil } }
      let count: (JSON) -> Int? = { if case .int(let n) = $0, n >= 0 { n } else { nil } }
      let hex: (JSON) -> String? = { string($0).flatMap { OfficeBundle.isHex64($0) ? $0 : nil } }
      let codes: (JSON) -> [String]? = {
        guard case .array(let items) = $0 else { return nil }
        let strings = items.compactMap(string)
        return strings.count == items.count ? strings : nil
      }
      func optional<T>(_ read: @escaping (JSON) -> T?) -> (JSON) -> T?? {
        { $0 == .null ? .some(nil) : read($0).map { .some($0) } }
      }
      self.init(
        office: try field("office", string), export: try field("export", count),
        districts: try field("districts", codes),
        conservancies: try field("conservancies", codes),
        chainPosition: try field("chain_position", count),
        chainHead: try field("chain_head", hex),
        previousPosition: try field("previous_position", optional(count)),
        previousHead: try field("previous_head", optional(hex)),
        hwcVersion: try field("hwc_version", string),
        createdAt: try field("created_at", { string($0).flatMap(Self.utcTimestamp) }),
        snapshotBytes: try field("snapshot_bytes", count),
        snapshotSHA256: try field("snapshot_sha256", hex))
      guard export >= 1 else { throw .manifest("export is not valid") }
      guard (previousPosition == nil) == (previousHead == nil) else {
        throw .manifest("previous_position and previous_head must both be null or both be set")
      }
    }

    /// `text` when it is a UTC time `YYYY-MM-DDTHH:MM:SSZ`.
    static func utcTimestamp(_ text: String) -> String? {
      let bytes = Array(text.utf8)
      let digits = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18]
      let marks: [(Int, Character)] = [
        (4, "-"), (7, "-"), (10, "T"), (13, ":"), (16, ":"), (19, "Z"),
      ]
      guard bytes.count == 20,
        digits.allSatisfy({ (0x30...0x39).contains(bytes[$0]) }),
        marks.allSatisfy({ bytes[$0.0] == $0.1.asciiValue })
      else { return nil }
      return text
    }
  }

  /// True when `text` is 64 lowercase hex digits.
  public static func isHex64(_ text: String) -> Bool {
    text.utf8.count == 64
      && text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
  }
}

/// Why a bundle was refused, in one sentence each; `reason` is short enough to store.
public enum BundleProblem: Error, CustomStringConvertible, Equatable {
  /// The file could not be opened or read.
  case unreadable(String)
  /// The first line is not `hwc-bundle 1`.
  case notABundle
  /// The file ends inside its three header lines.
  case truncatedHeader
  /// The manifest line is not a valid manifest.
  case manifest(String)
  /// The third line is not `hmac-sha256 ` and 64 lowercase hex digits.
  case hmacLine
  /// The HMAC does not match the manifest under the key given.
  case hmacMismatch
  /// The snapshot's length differs from the manifest's `snapshot_bytes`.
  case size(expected: Int, actual: Int)
  /// The snapshot's SHA-256 differs from the manifest's `snapshot_sha256`.
  case digest

  /// The reason alone, without "the bundle".
  public var reason: String {
    switch self {
    case .unreadable(let why): return "it cannot be read (\(why))"
    case .notABundle:
      return "it is not an hwc bundle (its first line is not '\(OfficeBundle.magic)')"
    case .truncatedHeader: return "it ends before its manifest and HMAC lines (truncated)"
    case .manifest(let why): return "its manifest is not valid: \(why)"
    case .hmacLine: return "its HMAC line is not 'hmac-sha256' and 64 lowercase hex digits"
    case .hmacMismatch:
      return "its manifest's HMAC does not match the office key (the manifest was edited, "
        + "or the bundle was made under another key)"
    case .size(let expected, let actual):
      return "its snapshot holds \(actual) bytes, not the \(expected) its manifest states "
        + (actual < expected ? "(truncated)" : "(bytes were added)")
    case .digest:
      return "its snapshot's SHA-256 differs from its manifest's (the snapshot was edited)"
    }
  }

  public var description: String { "the bundle was refused: " + reason }
}
