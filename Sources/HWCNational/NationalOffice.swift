/// An enrolled office as the national register knows it: its districts and conservancies and
/// the last bundle accepted from it (nil before the first).
public struct NationalOffice: Sendable, Equatable {
  /// The office's code, e.g. `WKO-KAZTALOV`.
  public let code: String
  /// Its districts' codes (e.g. `KAZ`), sorted.
  public let districts: [String]
  /// Its conservancies' English names, sorted.
  public let conservancies: [String]
  /// When it was enrolled (UTC `YYYY-MM-DDTHH:MM:SSZ`).
  public let enrolledAt: String
  /// The export number of the last accepted bundle.
  public let lastExport: Int?
  /// The audit chain position of that bundle's snapshot.
  public let lastPosition: Int?
  /// The hash of that position (64 hex digits).
  public let lastHead: String?
  /// When the national register accepted it (UTC timestamp).
  public let lastAcceptedAt: String?
  /// When the office made it (the manifest's `created_at`, UTC timestamp).
  public let lastBundleCreatedAt: String?
  /// The verified replica: the snapshot of the last accepted bundle, a register file to open
  /// read-only; nil before the first bundle.
  public let replicaPath: String?
  /// The SHA-256 (64 hex digits) of that replica as it was accepted; `national verify` and the
  /// roll-forward of a stopped acceptance compare the file with it.
  public let replicaSHA256: String?

  public init(
    code: String, districts: [String], conservancies: [String], enrolledAt: String,
    lastExport: Int?, lastPosition: Int?, lastHead: String?, lastAcceptedAt: String?,
    lastBundleCreatedAt: String?, replicaPath: String?, replicaSHA256: String?
  ) {
    self.code = code
    self.districts = districts
    self.conservancies = conservancies
    self.enrolledAt = enrolledAt
    self.lastExport = lastExport
    self.lastPosition = lastPosition
    self.lastHead = lastHead
    self.lastAcceptedAt = lastAcceptedAt
    self.lastBundleCreatedAt = lastBundleCreatedAt
    self.replicaPath = replicaPath
    self.replicaSHA256 = replicaSHA256
  }
}
