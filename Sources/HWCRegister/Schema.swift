import HWCStore

/// The register's schema: the numbered migrations shipped inside the executable.
public enum Schema {
  /// Every migration this binary knows, in order.
  public static var migrations: [Migration] {
    embeddedMigrations.compactMap { Migration(name: $0.name, sql: $0.text) }
  }

  /// A migrator over the shipped migrations.
  public static var migrator: Migrator { Migrator(migrations: migrations) }
}
