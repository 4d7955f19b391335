import HWCRegister

/// The import baseline's script for the `sqlite3` tool: `.import` the bench CSV into a staging
/// table, then the register's own `BaselineImport` SQL loads it into a fresh `hwc init` register.
enum BaselineScript {
  static func script(csv: String) -> String {
    """
    .bail on
    .mode csv
    .import "\(csv)" staging

    """ + BaselineImport.sql(stagingTable: "staging")
  }
}
