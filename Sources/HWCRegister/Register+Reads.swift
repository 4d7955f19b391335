import HWCStore

extension Register {
  /// Runs `body` in one write transaction: committed when it returns, rolled back when it throws
  /// (a savepoint inside another transaction).
  public func transaction<T>(_ body: () throws -> T) throws -> T {
    try db.transaction(.immediate, body)
  }

  /// Runs the reads of `body` on one consistent snapshot of the register.
  public func snapshot<T>(_ body: () throws -> T) throws -> T {
    try db.transaction(.deferred, body)
  }
}

/// SQL text the register's reads share, written once.
enum ReadSQL {
  /// The id of the latest assessment of the complaint whose id is the SQL expression `complaint`.
  static func latestAssessment(of complaint: String) -> String {
    "(SELECT max(id) FROM assessment WHERE complaint_id = \(complaint))"
  }

  /// The id of the latest inspection of the complaint whose id is the SQL expression `complaint`.
  static func latestInspection(of complaint: String) -> String {
    "(SELECT max(id) FROM inspection WHERE complaint_id = \(complaint))"
  }
}
