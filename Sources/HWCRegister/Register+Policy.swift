import HWCCore
import HWCDomain
import HWCRules
import HWCStore

/// The policy table: every value of every parameter, by scheme, key and the date it took effect.
/// Only appends: a change is a new value from a later date.
struct PolicyStore {
  let db: Database

  /// Every value.
  func all() throws -> Policy {
    Policy(
      try db.prepare("SELECT scheme, key, value_centi, effective_from FROM policy_value").map {
        row in
        PolicyValue(
          scheme: Scheme(rawValue: row.text("scheme")) ?? .kzState, key: row.text("key"),
          centi: row.int("value_centi"),
          effectiveFrom: CalendarDate(row.text("effective_from")) ?? CalendarDate(daysSinceEpoch: 0)
        )
      })
  }

  /// Appends `value`, set at `at` by `by`; returns its row id. Inside the caller's transaction.
  func append(_ value: PolicyValue, at: String, by: String) throws -> Int {
    try db.run(
      """
      INSERT INTO policy_value(scheme, key, value_centi, effective_from, set_at, set_by)
      VALUES (?, ?, ?, ?, ?, ?)
      """,
      with: [
        value.scheme.rawValue, value.key, value.centi, value.effectiveFrom.description, at, by,
      ])
    return db.lastInsertRowID
  }
}

extension Register {
  /// The policy table.
  var policies: PolicyStore { PolicyStore(db: db) }

  /// Every policy value in the register.
  public func policy() throws -> Policy { try policies.all() }

  /// Parses a scheme name for `--scheme`.
  public func scheme(_ text: String) throws -> Scheme {
    guard let scheme = Scheme(rawValue: text.trimmingSpaces) else {
      throw DomainError.invalid(
        field: .scheme, "'\(text)' is not a scheme (one of: kz-state, kg-buffer)")
    }
    return scheme
  }

  /// Adds a policy value from a date (`hwc policy set`, admin): appended after the key's latest
  /// value, never rewriting what earlier incidents were assessed with. A value from before today
  /// is a retroactive change (SPEC §5): refused without `retroactiveReason`, and with one it is
  /// stored with a correction row holding the reason; no stored assessment changes, and those it
  /// makes out of date are found by `outOfDateAssessments`.
  public func setPolicy(
    scheme text: String, key: String, value: String, from: String, actor: Actor,
    retroactiveReason: String? = nil
  ) throws -> PolicyValue {
    try require(actor, .admin, to: "change policy")
    let scheme = try scheme(text)
    let key = key.trimmingSpaces
    let policy = try policy()
    guard policy.keys(scheme).contains(key) else {
      throw DomainError.invalid(
        field: .key,
        "'\(key)' is not a \(scheme.rawValue) parameter (see 'hwc policy show --scheme \(scheme.rawValue)')"
      )
    }
    let centi: Int
    switch Decimal2.parse(value.trimmingSpaces) {
    case .success(let parsed): centi = parsed
    case .failure(let problem): throw DomainError.invalid(field: .value, "'\(value)' \(problem)")
    }
    let date = try CalendarDate(from, field: .from)
    if let latest = policy.history(scheme, key).last, date <= latest.effectiveFrom {
      throw DomainError.invalid(
        field: .from,
        "\(key) already has a value from \(latest.effectiveFrom); a new value must start later, "
          + "so that earlier incidents keep the value they were assessed with")
    }
    let reason = try retroactiveReason.map(Register.reason)
    try checkRetroactive(date, reason: reason)
    let new = PolicyValue(scheme: scheme, key: key, centi: centi, effectiveFrom: date)
    let old = try? policy.value(scheme, key, on: date)
    return try db.transaction {
      let id = try policies.append(new, at: clock.timestamp(), by: actor.name)
      try auditCreated("policy", id: id, actor: actor.name)
      if let reason {
        _ = try recordCorrection(
          "retroactive", of: .policy(id), reason: reason,
          changes: [
            FieldChange(key, old: old.map(Register.policyText), new: Register.policyText(new))
          ],
          actor: actor)
      }
      return new
    }
  }

  /// One finding of `hwc policy check`.
  public struct PolicyFinding: Sendable {
    public let scheme: Scheme
    public let key: String
    public let problem: String
  }

  /// Gaps (a value the rules need that is missing on some date), and values not reviewed for
  /// over a year.
  public func checkPolicy() throws -> [PolicyFinding] {
    let policy = try policy()
    let today = clock.today
    var findings: [PolicyFinding] = []
    for scheme in Scheme.allCases {
      let keys = policy.keys(scheme)
      let start = keys.compactMap { policy.history(scheme, $0).first?.effectiveFrom }.min()
      for key in requiredKeys(scheme) where !keys.contains(key) {
        findings.append(PolicyFinding(scheme: scheme, key: key, problem: "no value at all"))
      }
      for key in keys {
        let history = policy.history(scheme, key)
        if let start, let first = history.first?.effectiveFrom, first > start {
          findings.append(
            PolicyFinding(
              scheme: scheme, key: key,
              problem: "no value from \(start) to \(first.adding(days: -1)) (gap)"))
        }
        if let latest = history.last?.effectiveFrom, latest.days(to: today) > 365 {
          findings.append(
            PolicyFinding(
              scheme: scheme, key: key,
              problem: "not reviewed for over a year (value in force since \(latest))"))
        }
      }
    }
    return findings
  }

  /// Keys the rules look up for items and classes the reference data allows.
  func requiredKeys(_ scheme: Scheme) -> [String] {
    switch scheme {
    case .kzState:
      let items = reference.allowedItems.values.reduce(Set<String>()) { $0.union($1) }
      return ["mrp"] + items.sorted().map { "rate.\($0)" }
    case .kgBuffer:
      return ["sheep_goat", "cattle", "horse", "yak"].flatMap {
        ["insured_value.\($0).adult", "insured_value.\($0).young", "premium.\($0)"]
      }
    }
  }
}
