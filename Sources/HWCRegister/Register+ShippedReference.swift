import HWCDomain
import HWCStore

extension Register {
  /// The reference data (districts, conservancies, …) hwc's migrations seed, read from a
  /// register made in memory: what the national register resolves office areas against.
  public static func shippedReference() throws -> Reference {
    let db = try Database(path: ":memory:")
    try Schema.migrator.migrate(db)
    return try ReferenceLoader.load(db)
  }
}
