/// What the audit covers, table by table, written here in hwc's code — never read from views or
/// triggers stored in the register, which another SQLite tool could redefine.
///
/// Each kind is one table whose rows are entities (or, for reference data, the whole table as
/// one entity), with the child rows that belong to each entity folded into its state: a
/// complaint's items, events and flags; an assessment's lines, policy values and steps.
struct AuditedKind: Sendable {
  /// A column of the state. A secret column counts in the digest but is never printed. A column
  /// added by a later migration (`since`) is read as NULL before it runs, and a NULL in it adds
  /// nothing to the digest, so states recorded before it stay valid.
  struct Column: Sendable {
    let name: String
    let secret: Bool
    /// The migration that added the column, if it came after the audit's digests (0009).
    let since: Int?

    init(_ name: String, secret: Bool = false, since: Int? = nil) {
      self.name = name
      self.secret = secret
      self.since = since
    }
  }

  /// Rows of another table that belong to one entity, in a fixed order.
  struct Child: Sendable {
    let table: String
    /// The column naming the entity's row id.
    let parent: String
    let columns: [String]
    /// The order of the child rows (an index the table has, so a scan needs no sort).
    let order: String
  }

  /// The number stored in `audit_entry.kind`; never reused.
  let code: Int
  /// The entity prefix, e.g. `complaint` in `complaint:KAZ-2026-0001`.
  let name: String
  let table: String
  /// Whether the whole table is one entity (reference data), rather than each row.
  let wholeTable: Bool
  let columns: [Column]
  let children: [Child]
  /// The SQL expression naming a row, e.g. `'complaint:' || code`.
  let label: String
  /// The order of a whole table's rows (its primary key: row ids may change in a backup).
  let order: String

  init(
    _ code: Int, _ name: String, table: String, label: String? = nil,
    columns: [Column], children: [Child] = []
  ) {
    self.code = code
    self.name = name
    self.table = table
    self.wholeTable = false
    self.columns = columns
    self.children = children
    self.label = label ?? "'\(name):' || id"
    self.order = "id"
  }

  /// A reference table, audited as one entity `reference:TABLE` whose rows are in `order`.
  init(_ code: Int, reference table: String, order: String, columns: [Column]) {
    self.code = code
    self.name = "reference"
    self.table = table
    self.wholeTable = true
    self.columns = columns
    self.children = []
    self.label = "'reference:\(table)'"
    self.order = order
  }

  /// The entity's name for a row, e.g. `reference:district` for the whole district table.
  var entityPrefix: String { wholeTable ? "reference:\(table)" : name }
}

extension AuditedKind {
  private static func columns(_ names: String) -> [Column] {
    names.split(separator: " ").map { Column(String($0)) }
  }

  /// Every audited kind. A new table that can change an amount, a decision or a name is added
  /// here; `AuditCoverageTests` fails for a table that is neither here nor in `unaudited`.
  static let all: [AuditedKind] = [
    AuditedKind(
      1, "user", table: "app_user", label: "'user:' || name",
      columns: columns("name national_id disabled_reason locked created_at")
        + [Column("secret", secret: true), Column("setup_code", secret: true)],
      children: [
        Child(
          table: "user_role", parent: "user_id",
          columns: ["role", "district_id", "conservancy_id"], order: "id")
      ]),
    AuditedKind(
      2, "claimant", table: "claimant", label: "'claimant:' || national_id",
      columns: columns(
        "national_id country name district_id conservancy_id village created_at created_by")
        + [Column("lang", since: 12)],
      children: [
        Child(
          table: "herd_declaration", parent: "claimant_id",
          columns: ["livestock_class", "heads", "declared_at"], order: "livestock_class, id")
      ]),
    AuditedKind(
      3, "complaint", table: "complaint", label: "'complaint:' || code",
      columns: columns(
        "code district_id year seq claimant_id conservancy_id damage_type species incident_date"
          + " reported_date village latitude_micro longitude_micro notes external_ref status"
          + " registered_at registered_by"),
      children: [
        Child(
          table: "complaint_item", parent: "complaint_id", columns: ["item", "quantity_centi"],
          order: "item"),
        Child(
          table: "complaint_event", parent: "complaint_id",
          columns: ["kind", "from_status", "to_status", "actor_id", "at", "reason"], order: "id"),
        Child(
          table: "complaint_flag", parent: "complaint_id",
          columns: ["kind", "other_complaint_id", "detail"], order: "id"),
      ]),
    AuditedKind(
      4, "policy", table: "policy_value",
      label: "'policy:' || scheme || ':' || key || '@' || effective_from",
      columns: columns("scheme key value_centi effective_from set_at set_by")),
    AuditedKind(
      5, "inspection", table: "inspection",
      columns: columns(
        "complaint_id inspection_date inspector_id protected vet_certificate findings recorded_at")
        + [Column("reinspection_of", since: 17)],
      children: [
        Child(
          table: "inspection_item", parent: "inspection_id", columns: ["item", "quantity_centi"],
          order: "item")
      ]),
    AuditedKind(
      6, "emergency", table: "emergency",
      columns: columns("district_id from_date to_date decree declared_by declared_at")),
    AuditedKind(
      7, "incident", table: "wildlife_incident",
      columns: columns("conservancy_id kind incident_date note recorded_by recorded_at")),
    AuditedKind(
      8, "insurance", table: "herd_insurance",
      columns: columns(
        "claimant_id conservancy_id season livestock_class heads premium_minor recorded_by"
          + " recorded_at")),
    AuditedKind(
      9, "assessment", table: "assessment",
      columns: columns(
        "complaint_id inspection_id scheme outcome reason reason_code currency amount_minor"
          + " policy_date payer assessed_by assessed_at")
        // Migration 0018: the policy set used and the explanation as one value; older
        // assessments have their policy values and steps as child rows instead.
        + [Column("policy_set_id", since: 18), Column("explanation", since: 18)],
      children: [
        Child(
          table: "assessment_line", parent: "assessment_id",
          columns: ["item", "quantity_centi", "rate", "amount_minor", "note"], order: "position"),
        Child(
          table: "assessment_policy", parent: "assessment_id",
          columns: ["key", "value_centi", "effective_from"], order: "position"),
        Child(
          table: "assessment_step", parent: "assessment_id",
          columns: ["step", "rule", "args", "text"], order: "position"),
      ]),
    // The balance is a running total, checked against the entries by `hwc check`.
    AuditedKind(
      10, "account", table: "ledger_account", label: "'account:' || code",
      columns: columns(
        "code kind currency district_id conservancy_id year owner_id source opened_at")),
    AuditedKind(
      11, "transfer", table: "ledger_transfer",
      columns: columns(
        "kind on_date complaint_id insurance_id reverses_id reference memo actor_id at"),
      children: [
        Child(
          table: "ledger_entry", parent: "transfer_id", columns: ["account_id", "amount_minor"],
          order: "id")
      ]),
    AuditedKind(
      12, "approval", table: "approval",
      columns: columns("complaint_id assessment_id member_id at")),
    AuditedKind(
      13, reference: "country", order: "code", columns: columns("code currency name_en name_ru")),
    AuditedKind(
      14, reference: "district", order: "id",
      columns: columns("id code name_en name_ru country region_en region_ru")),
    AuditedKind(
      15, reference: "conservancy", order: "id", columns: columns("id name_en name_ru district_id")),
    AuditedKind(
      16, reference: "species", order: "code", columns: columns("code name_en name_ru")),
    AuditedKind(
      17, reference: "damage_type", order: "code", columns: columns("code name_en name_ru")),
    AuditedKind(
      18, reference: "item", order: "code",
      columns: columns("code name_en name_ru unit livestock_class age")),
    AuditedKind(
      19, reference: "damage_item", order: "damage_type, item", columns: columns("damage_type item")
    ),
    // Migration 0010: corrections, revocations and retroactive policy values, with what changed.
    AuditedKind(
      20, "correction", table: "correction",
      columns: columns(
        "action complaint_id event_id claimant_id emergency_id policy_id reason actor_id at"),
      children: [
        Child(
          table: "correction_field", parent: "correction_id",
          columns: ["field", "old_value", "new_value"], order: "field"),
        Child(
          table: "correction_item", parent: "correction_id", columns: ["item", "quantity_centi"],
          order: "item"),
      ]),
    // Migration 0018: the policy values of assessments, each distinct set stored once (code 42:
    // 40 and 41 are the office's).
    AuditedKind(
      42, "policyset", table: "policy_set", columns: columns("scheme fingerprint"),
      children: [
        Child(
          table: "policy_set_value", parent: "policy_set_id",
          columns: ["key", "value_centi", "effective_from"], order: "position")
      ]),
    // Code 30 (not 20) leaves room for kinds other branches add at the same time.
    AuditedKind(
      30, "setting", table: "office_setting", label: "'setting:' || key || '#' || id",
      columns: columns("key value set_at set_by reason")),
    // Migration 0016: the office and what was done as it (codes 40+: room for other branches).
    AuditedKind(
      40, "office", table: "office", label: "'office:' || code",
      columns: columns("code created_at created_by"),
      children: [
        Child(
          table: "office_place", parent: "office_id", columns: ["district_id", "conservancy_id"],
          order: "id")
      ]),
    AuditedKind(
      41, "office_event", table: "office_event", label: "'office_event:' || kind || '#' || id",
      columns: columns(
        "kind key_fingerprint export_no chain_position chain_head snapshot_bytes at actor_id")),
  ]

  /// Tables outside the audited state, and why: the audit itself, the migration record (checked
  /// against the binary's migrations), login sessions (they change on every command and carry no
  /// amount, decision or name), the office's key (a secret kept out of every bundle; its setting
  /// is audited as an `office_event` with the key's fingerprint).
  static let unaudited: Set<String> = [
    "audit_log", "audit_entry", "audit_command", "schema_migration", "user_session", "office_key",
  ]

  /// The kind of an entity prefix used by callers (`complaint`, `user`, …).
  static func named(_ name: String) -> AuditedKind {
    guard let kind = all.first(where: { $0.name == name && !$0.wholeTable }) else {
      preconditionFailure("no audited kind \(name)")
    }
    return kind
  }

  /// The kind stored as `code`.
  static func coded(_ code: Int) -> AuditedKind? { all.first { $0.code == code } }
}
