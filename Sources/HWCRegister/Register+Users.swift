import HWCCore
import HWCDomain
import HWCStore

/// The user running a command, with the roles the register gives them.
public struct Actor: Sendable {
  public let id: Int
  public let name: String
  public let roles: [ScopedRole]

  /// True when the actor holds `role` with a scope covering the place.
  public func has(_ role: Role, districtID: Int? = nil, conservancyID: Int? = nil) -> Bool {
    roles.contains { scoped in
      guard scoped.role == role else { return false }
      guard let districtID else { return scoped.scope == .everywhere }
      return scoped.scope.covers(districtID: districtID, conservancyID: conservancyID)
    }
  }
}

/// A user as listed by `hwc user list`.
public struct UserRecord: Sendable {
  public let id: Int
  public let name: String
  public let roles: [String]
  public let createdAt: String
  /// `active`, `must set passphrase`, `locked` or `disabled`.
  public let status: String
  /// When the user last proved who they are and did something.
  public let lastActiveAt: String?
  /// The one-time setup code, only in the value returned when it was made.
  public var setupCode: String?

  public var json: JSON {
    var fields: [(String, JSON)] = [
      ("id", .int(id)), ("name", .string(name)), ("roles", .array(roles.map(JSON.string))),
      ("created_at", .string(createdAt)), ("status", .string(status)),
      ("last_active_at", .optional(lastActiveAt)),
    ]
    if let setupCode { fields.append(("setup_code", .string(setupCode))) }
    return .object(fields)
  }
}

extension Register {
  /// The user called `name`, or a refusal naming the field.
  public func actor(named name: String?) throws -> Actor {
    guard let name = name?.trimmingSpaces, !name.isEmpty else {
      throw DomainError.invalid(
        field: .actor, "this command changes the register: name yourself with --as USER or HWC_USER"
      )
    }
    guard
      let id = try db.prepare("SELECT id FROM app_user WHERE name = ?").first(
        with: [name], { $0.int("id") })
    else {
      throw DomainError.invalid(field: .actor, "there is no user '\(name)'")
    }
    return Actor(id: id, name: name, roles: try roles(userID: id))
  }

  func roles(userID: Int) throws -> [ScopedRole] {
    try db.prepare(
      "SELECT role, district_id, conservancy_id FROM user_role WHERE user_id = ? ORDER BY id"
    ).map(with: [userID]) { row in
      let scope: Scope =
        row.optionalInt("district_id").map(Scope.district) ?? row.optionalInt("conservancy_id").map(
          Scope.conservancy)
        ?? .everywhere
      return ScopedRole(role: Role(rawValue: row.text("role")) ?? .analyst, scope: scope)
    }
  }

  /// Refuses unless `actor` holds `role` for the place; `what` names the action for the message.
  public func require(
    _ actor: Actor, _ role: Role, districtID: Int? = nil, conservancyID: Int? = nil,
    to what: String
  ) throws {
    try requireInOffice(districtID: districtID, conservancyID: conservancyID)
    guard actor.has(role, districtID: districtID, conservancyID: conservancyID) else {
      var place = ""
      if let conservancyID, let conservancy = reference.conservancy(id: conservancyID) {
        place = " in \(conservancy.name.en)"
      } else if let districtID, let district = reference.district(id: districtID) {
        place = " in \(district.name.en)"
      }
      throw DomainError.notPermitted(
        "\(actor.name) may not \(what)\(place): that needs the \(role.rawValue) role"
          + (districtID == nil ? "" : " for that district or conservancy"))
    }
  }

  /// Adds a user with roles (`hwc user add`); admin only.
  /// The user gets `passphrase` as their first secret, or else, when `setupCode`, a one-time
  /// setup code (in the returned record's `setupCode`, never stored but as a hash) with which they
  /// set their own; or else no secret (the demo, which proves nobody).
  public func addUser(
    name: String, roles texts: [String], nationalID: String? = nil, passphrase: String? = nil,
    setupCode: Bool = false, actor: Actor
  ) throws -> UserRecord {
    try require(actor, .admin, to: "add users")
    var personal: String?
    if let nationalID {
      let digits = nationalID.trimmingSpaces
      let country: Country = digits.count == NationalID.length(for: .kg) ? .kg : .kz
      do {
        personal = try NationalID(digits, country: country).value
      } catch {
        throw DomainError.invalid(field: .userNationalID, "\(error)")
      }
    }
    let name = name.trimmingSpaces
    guard !name.isEmpty, name.count <= 64,
      name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "." || $0 == "_" || $0 == "-" })
    else {
      throw DomainError.invalid(
        field: .name, "'\(name)' is not a user name (letters, digits, '.', '_', '-'; up to 64)")
    }
    guard !texts.isEmpty else {
      throw DomainError.invalid(field: .role, "at least one --role is required")
    }
    if let passphrase { try Register.checkNewPassphrase(passphrase, name: name) }
    var roles: [ScopedRole] = []
    for text in texts {
      let role = try ScopedRole.parse(text, reference: reference).get()
      try requireInOffice(role)
      if !roles.contains(role) { roles.append(role) }
    }
    return try db.transaction {
      let exists =
        try db.scalar(Int.self, "SELECT count(*) FROM app_user WHERE name = ?", with: [name]) ?? 0
      guard exists == 0 else { throw DomainError.conflict("user '\(name)' already exists") }
      if let personal,
        try db.scalar(
          Int.self, "SELECT count(*) FROM app_user WHERE national_id = ?", with: [personal]) ?? 0
          > 0
      {
        throw DomainError.conflict(
          "another user already has national ID \(NationalID.mask(personal))")
      }
      let code = passphrase == nil && setupCode ? Randomness.setupCode() : nil
      let id = try insertUser(
        name: name, roles: roles, nationalID: personal, passphrase: passphrase, setupCode: code,
        actor: actor.name)
      var record = try user(id: id)
      record.setupCode = code
      return record
    }
  }

  @discardableResult
  func insertUser(
    name: String, roles: [ScopedRole], nationalID: String? = nil, passphrase: String? = nil,
    setupCode: String? = nil, actor: String
  ) throws -> Int {
    try db.run(
      """
      INSERT INTO app_user(name, created_at, national_id, secret, setup_code)
      VALUES (?, ?, ?, ?, ?)
      """,
      with: [
        name, clock.timestamp(), nationalID,
        passphrase.map { SecretHash(passphrase: $0).stored },
        setupCode.map { SetupCode.stored($0) },
      ])
    let id = db.lastInsertRowID
    for role in roles {
      try db.run(
        "INSERT INTO user_role(user_id, role, district_id, conservancy_id) VALUES (?, ?, ?, ?)",
        with: [id, role.role.rawValue, role.scope.districtID, role.scope.conservancyID])
    }
    try auditCreated("user", id: id, actor: actor)
    return id
  }

  func user(id: Int) throws -> UserRecord {
    let row = try db.prepare(
      """
      SELECT name, created_at, last_active_at,
        CASE WHEN disabled_reason IS NOT NULL THEN 'disabled' WHEN locked = 1 THEN 'locked'
          WHEN secret IS NULL THEN 'must set passphrase' ELSE 'active' END AS state
      FROM app_user WHERE id = ?
      """
    ).first(with: [id]) {
      ($0.text("name"), $0.text("created_at"), $0.optionalText("last_active_at"), $0.text("state"))
    }
    guard let row else { throw DomainError.notFound("no user #\(id)") }
    return UserRecord(
      id: id, name: row.0, roles: try roles(userID: id).map { $0.written(reference: reference) },
      createdAt: row.1, status: row.3, lastActiveAt: row.2)
  }

  /// Every user, by name.
  public func users() throws -> [UserRecord] {
    let ids = try db.prepare("SELECT id FROM app_user ORDER BY name").map { $0.int("id") }
    return try ids.map { try user(id: $0) }
  }
}
