import HWCCore
import HWCStore

/// The register's schema: the numbered migrations shipped inside the executable.
public enum Schema {
  /// Every migration this binary knows, in order.
  public static var migrations: [Migration] {
    embeddedMigrations.compactMap { Migration(name: $0.name, sql: $0.text) }
  }

  /// A migrator over the shipped migrations.
  public static var migrator: Migrator { Migrator(migrations: migrations) }

  /// Applies the pending migrations to the register at `path`, checking its audit before each
  /// and recording what each one created or changed (`AuditSeal`); the names applied.
  @discardableResult
  static func migrate(
    _ db: Database, path: String, origin: AuditOrigin? = nil, clock: Clock = .system
  ) throws -> [String] {
    let seal = AuditSeal(db: db, path: path, origin: origin, clock: clock)
    return try migrator.migrate(db, before: seal.checkBefore, after: seal.sealAfter)
  }
}
