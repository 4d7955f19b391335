/// Why the register file could not be used.
public enum RegisterError: Error, CustomStringConvertible, Equatable {
  /// No register at the path: `hwc init` creates one.
  case missing(path: String)
  /// The register needs migrations this binary carries: `hwc init` applies them.
  case outdated(path: String, pending: [String])
  /// `hwc init` was asked to name an administrator on a register that already has users.
  case alreadyInitialized(path: String)
  /// The file is not a register: not a SQLite database, empty, or a SQLite database without
  /// hwc's tables (another application's).
  case notARegister(path: String, empty: Bool)
  /// The register's audit did not verify, so it was not upgraded: an upgrade must never record
  /// as its baseline a row changed outside hwc.
  case upgradeRefused(path: String, problem: String)

  public var description: String {
    switch self {
    case .missing(let path):
      return "no register at \(path); create one with 'hwc init' or point --db at an existing one"
    case .outdated(let path, let pending):
      return "the register at \(path) needs upgrading (\(pending.count) migration(s) pending, "
        + "first \(pending.first ?? "?")); run 'hwc init' to upgrade it"
    case .alreadyInitialized(let path):
      return "the register at \(path) already exists and has an administrator"
    case .notARegister(let path, true):
      return "\(path) is an empty file, not a register; create one with 'hwc init' or point "
        + "--db at an existing one"
    case .notARegister(let path, false):
      return "\(path) is not an hwc register (it is not a database hwc made); "
        + "point --db at a register, or create one with 'hwc init'"
    case .upgradeRefused(let path, let problem):
      return "the register at \(path) was not upgraded because its audit does not verify "
        + "(\(problem)); restore it from a backup that verifies, then run 'hwc init' again"
    }
  }
}
