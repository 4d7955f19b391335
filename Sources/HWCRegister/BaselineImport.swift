import HWCDomain

/// The SQL `make bench` hands to the `sqlite3` tool as its import baseline: the floor a
/// complaint import cannot go below.
///
/// It loads a complaint CSV (SPEC §8: `ref, claimant_id, claimant_name, district, conservancy,
/// village, type, species, incident_date, reported_date, items`), already `.import`ed as text into
/// a staging table, into the register's own tables (`migrations/0001_foundation.sql`) on a fresh
/// register made by `hwc init`: `INSERT … SELECT` into claimant, complaint and complaint_item in
/// one transaction. Codes are numbered as the register numbers them (district, reported year,
/// file order); rows are written by the administrator (user 1). No validation, no audit entries,
/// no events, no duplicate flags. The register owns its schema, so it owns this SQL too; it is
/// run by the `sqlite3` tool, never by the register, because the tool is what the baseline
/// measures.
public enum BaselineImport {
  /// What the baseline does, as the bench's table names it.
  public static let label = "sqlite3 .import + INSERT…SELECT"

  /// The statements, from `BEGIN IMMEDIATE;` to `COMMIT;` (and a final newline), reading the CSV
  /// rows from the table `stagingTable`.
  public static func sql(stagingTable: String) -> String {
    """
    BEGIN IMMEDIATE;
    INSERT INTO claimant(national_id, country, name, district_id, conservancy_id, village,
      created_at, created_by)
    SELECT s.claimant_id, d.country, s.claimant_name, d.id, cs.id, nullif(s.village, ''),
      strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), 1
    FROM \(stagingTable) s
    JOIN district d ON d.name_en = s.district
    LEFT JOIN conservancy cs ON cs.name_en = nullif(s.conservancy, '')
    WHERE s.rowid IN (SELECT min(rowid) FROM \(stagingTable) GROUP BY claimant_id)
    ORDER BY s.rowid;
    INSERT INTO complaint(code, district_id, year, seq, claimant_id, conservancy_id, damage_type,
      species, incident_date, reported_date, village, external_ref, status, registered_at,
      registered_by)
    SELECT code || '-' || year || '-' || printf('%04d', seq), district_id, year, seq, claimant_row,
      conservancy_id, type, species, incident_date, reported_date, nullif(village, ''), ref,
      '\(ComplaintStatus.registered.rawValue)', strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), 1
    FROM (
      SELECT s.rowid AS line, s.*, d.code, d.id AS district_id,
        CAST(substr(s.reported_date, 1, 4) AS INTEGER) AS year,
        row_number() OVER (
          PARTITION BY d.id, substr(s.reported_date, 1, 4) ORDER BY s.rowid) AS seq,
        cl.id AS claimant_row, cs.id AS conservancy_id
      FROM \(stagingTable) s
      JOIN district d ON d.name_en = s.district
      JOIN claimant cl ON cl.national_id = s.claimant_id
      LEFT JOIN conservancy cs ON cs.name_en = nullif(s.conservancy, '')
    )
    ORDER BY line;
    INSERT INTO complaint_item(complaint_id, item, quantity_centi)
    WITH RECURSIVE split(complaint_id, entry, rest) AS (
      SELECT c.id, NULL, s.items || ';'
      FROM \(stagingTable) s JOIN complaint c ON c.external_ref = s.ref
      UNION ALL
      SELECT complaint_id, substr(rest, 1, instr(rest, ';') - 1),
        substr(rest, instr(rest, ';') + 1)
      FROM split WHERE rest <> ''
    )
    SELECT complaint_id, substr(entry, 1, instr(entry, '=') - 1),
      CAST(round(CAST(substr(entry, instr(entry, '=') + 1) AS REAL) * 100) AS INTEGER)
    FROM split WHERE entry <> '';
    COMMIT;

    """
  }
}
