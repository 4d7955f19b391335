import HWCRegister

/// hwc's version, kept in this one place: `hwc --version` (`hwc version`) and the man page print
/// it with the schema version, the latest migration the binary ships.
public enum Version {
  /// The release number, `MAJOR.MINOR.PATCH`.
  public static let number = "0.9.0"

  /// The latest migration's number and file name, e.g. `(9, "0009_audit_digests.sql")`.
  public static var schema: (number: Int, name: String) {
    let latest = Schema.migrations.last
    return (latest?.number ?? 0, latest?.name ?? "none")
  }

  /// `hwc 0.9.0` and the schema line, as `hwc --version` prints them.
  static var text: String {
    "hwc \(number)\nschema \(schema.number) (\(schema.name))"
  }
}
