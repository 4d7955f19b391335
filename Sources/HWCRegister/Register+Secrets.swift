import HWCCore
import HWCDomain
import HWCStore

/// What the register keeps about a user's means of proving who they are.
struct UserCredentials {
  let id: Int
  let name: String
  let secret: String?
  let setupCode: String?
  let disabledReason: String?
  let locked: Bool
  let failedAttempts: Int
}

/// A user proven to be the one acting, and how.
public struct ProvenActor: Sendable {
  public let actor: Actor
  /// The session used, when the proof was a session.
  public let sessionID: Int?
}

extension Register {
  /// Wrong secrets in a row that lock a user.
  public static let maximumFailures = 5
  /// A session ends after this many idle seconds.
  public static let sessionIdleSeconds = 15 * 60
  /// The shortest passphrase accepted.
  public static let minimumPassphraseLength = 10

  func credentials(named name: String?) throws -> UserCredentials {
    guard let name = name?.trimmingSpaces, !name.isEmpty else {
      throw DomainError.invalid(
        field: .actor, "this command changes the register: name yourself with --as USER or HWC_USER"
      )
    }
    let row = try db.prepare(
      """
      SELECT id, name, secret, setup_code, disabled_reason, locked, failed_attempts
      FROM app_user WHERE name = ?
      """
    ).first(with: [name]) {
      UserCredentials(
        id: $0.int("id"), name: $0.text("name"), secret: $0.optionalText("secret"),
        setupCode: $0.optionalText("setup_code"),
        disabledReason: $0.optionalText("disabled_reason"), locked: $0.int("locked") != 0,
        failedAttempts: $0.int("failed_attempts"))
    }
    guard let row else { throw DomainError.invalid(field: .actor, "there is no user '\(name)'") }
    return row
  }

  /// Refuses a user who is disabled or locked; `needsSecret` also refuses one without a
  /// passphrase.
  func checkUsable(_ user: UserCredentials, needsSecret: Bool = true) throws {
    if user.disabledReason != nil {
      throw DomainError.notPermitted(
        "user \(user.name) is disabled; only an administrator can enable them again")
    }
    if user.locked {
      throw DomainError.notPermitted(
        "user \(user.name) is locked after \(Register.maximumFailures) wrong secrets in a row; "
          + "an administrator unlocks them with hwc user enable \(user.name)")
    }
    if needsSecret, user.secret == nil {
      throw DomainError.notPermitted(
        "user \(user.name) must first set a passphrase with hwc user passwd --as \(user.name)"
          + " (using the setup code from the administrator)")
    }
  }

  /// `actor` as the register holds them now: refused if disabled or locked since, with the
  /// roles they have now (a long command checks again before it writes).
  func currentActor(_ actor: Actor) throws -> Actor {
    try checkUsable(try credentials(named: actor.name), needsSecret: false)
    return try self.actor(named: actor.name)
  }

  /// Refuses at once a user who does not exist, is disabled or locked, or has no passphrase yet.
  public func checkCanProve(name: String) throws {
    try checkUsable(try credentials(named: name))
  }

  /// Proves that the user called `name` is acting: `passphrase` must be theirs. A wrong one is
  /// counted (the one write a refused command makes); five in a row lock the user.
  public func prove(name: String?, passphrase: String) throws -> ProvenActor {
    let user = try credentials(named: name)
    try checkUsable(user)
    guard let stored = user.secret.flatMap(SecretHash.init(stored:)), stored.matches(passphrase)
    else {
      try recordFailure(user)
      throw DomainError.notPermitted("wrong passphrase for \(user.name); nothing was done")
    }
    return ProvenActor(actor: try actor(named: user.name), sessionID: nil)
  }

  /// Proves that the user called `name` (or, when nil, the session's user) is acting through the
  /// live session whose token is `token`.
  public func prove(name: String?, sessionToken token: String) throws -> ProvenActor {
    let hash = SHA256.hex(SHA256.hash(token))
    let session = try db.prepare(
      """
      SELECT s.id, u.name, s.last_used_at, s.ended_at IS NOT NULL AS ended
      FROM user_session s JOIN app_user u ON u.id = s.user_id WHERE s.token_hash = ?
      """
    ).first(with: [hash]) {
      ($0.int("id"), $0.text("name"), $0.text("last_used_at"), $0.int("ended") != 0)
    }
    guard let (sessionID, owner, lastUsed, ended) = session else {
      throw DomainError.notPermitted("the session has ended; start a new one with hwc login")
    }
    if let name, name != owner {
      throw DomainError.notPermitted(
        "the session belongs to \(owner), not \(name); \(name) must give their own secret")
    }
    // A disabled or locked user is told so, though their sessions ended with it.
    let user = try credentials(named: owner)
    try checkUsable(user)
    if ended {
      throw DomainError.notPermitted("the session has ended; start a new one with hwc login")
    }
    if let idle = Register.seconds(from: lastUsed, to: clock.timestamp()),
      idle > Register.sessionIdleSeconds
    {
      throw DomainError.notPermitted(
        "the session of \(owner) ended after 15 idle minutes; start a new one with hwc login")
    }
    return ProvenActor(actor: try actor(named: owner), sessionID: sessionID)
  }

  /// Records that a proven user did something: their last activity, a session's last use, and
  /// the end of a run of wrong secrets. Called once the command has succeeded.
  public func recordActivity(_ proven: ProvenActor) throws {
    let now = clock.timestamp()
    try db.transaction {
      try db.run(
        "UPDATE app_user SET last_active_at = ?, failed_attempts = 0 WHERE id = ?",
        with: [now, proven.actor.id])
      if let session = proven.sessionID {
        try db.run(
          "UPDATE user_session SET last_used_at = ? WHERE id = ?",
          with: [now, session])
      }
    }
  }

  /// Counts a wrong secret; the fifth in a row locks the user (an audited change).
  func recordFailure(_ user: UserCredentials) throws {
    try db.transaction {
      // A lookup by key: a user row gone since the credentials were read is "not found", not
      // a first failure.
      guard
        let attempts = try db.scalar(
          Int.self, "SELECT failed_attempts FROM app_user WHERE id = ?", with: [user.id])
      else { throw DomainError.notFound("no user '\(user.name)'") }
      let failures = attempts + 1
      guard failures >= Register.maximumFailures else {
        try db.run(
          "UPDATE app_user SET failed_attempts = ? WHERE id = ?",
          with: [failures, user.id])
        return
      }
      let change = try beginChange("user", id: user.id)
      try db.run(
        "UPDATE app_user SET failed_attempts = ?, locked = 1 WHERE id = ?",
        with: [failures, user.id])
      try endSessions(userID: user.id)
      try commitChange(change, action: "lock", actor: user.name)
    }
  }

  /// Starts a session for a user just proven by their passphrase; returns its token, which the
  /// register keeps only as a SHA-256 hash.
  public func startSession(_ proven: ProvenActor) throws -> String {
    let token = Randomness.token()
    let now = clock.timestamp()
    try db.transaction {
      try db.run(
        """
        INSERT INTO user_session(user_id, token_hash, started_at, last_used_at)
        VALUES (?, ?, ?, ?)
        """,
        with: [
          proven.actor.id, SHA256.hex(SHA256.hash(token)), now,
          now,
        ])
      try db.run(
        "UPDATE app_user SET last_active_at = ?, failed_attempts = 0 WHERE id = ?",
        with: [now, proven.actor.id])
    }
    return token
  }

  /// Ends the session whose token is `token`; returns its user's name when it was live.
  @discardableResult
  public func endSession(token: String) throws -> String? {
    let hash = SHA256.hex(SHA256.hash(token))
    return try db.transaction {
      let owner = try db.prepare(
        """
        SELECT u.name FROM user_session s JOIN app_user u ON u.id = s.user_id
        WHERE s.token_hash = ? AND s.ended_at IS NULL
        """
      ).first(with: [hash]) { $0.text("name") }
      try db.run(
        "UPDATE user_session SET ended_at = ? WHERE token_hash = ? AND ended_at IS NULL",
        with: [clock.timestamp(), hash])
      return owner
    }
  }

  func endSessions(userID: Int) throws {
    try db.run(
      "UPDATE user_session SET ended_at = ? WHERE user_id = ? AND ended_at IS NULL",
      with: [clock.timestamp(), userID])
  }

  /// Sets the passphrase of `name`, who proves it with their one-time setup code or their
  /// current passphrase (`hwc user passwd`). Ends their sessions.
  public func setPassphrase(name: String?, proof: String, new passphrase: String) throws {
    let user = try credentials(named: name)
    try checkUsable(user, needsSecret: false)
    let bySetupCode = user.setupCode.map { SetupCode.matches(proof, stored: $0) } ?? false
    let bySecret =
      !bySetupCode && (user.secret.flatMap(SecretHash.init(stored:))?.matches(proof) ?? false)
    guard bySetupCode || bySecret else {
      try recordFailure(user)
      throw DomainError.notPermitted(
        "that is neither the setup code nor the current passphrase of \(user.name); nothing was done"
      )
    }
    try Register.checkNewPassphrase(passphrase, name: user.name)
    try db.transaction {
      let change = try beginChange("user", id: user.id)
      try db.run(
        """
        UPDATE app_user SET secret = ?, setup_code = NULL, failed_attempts = 0, last_active_at = ?
        WHERE id = ?
        """,
        with: [
          SecretHash(passphrase: passphrase).stored, clock.timestamp(),
          user.id,
        ])
      try endSessions(userID: user.id)
      try commitChange(change, action: "set passphrase", actor: user.name)
    }
  }

  /// Refuses a passphrase that is too short or is the user's name.
  public static func checkNewPassphrase(_ passphrase: String, name: String) throws {
    guard passphrase.count >= minimumPassphraseLength else {
      throw DomainError.invalid(
        field: .passphrase,
        "a passphrase needs at least \(minimumPassphraseLength) characters")
    }
    guard passphrase.lowercased() != name.lowercased() else {
      throw DomainError.invalid(field: .passphrase, "a passphrase may not be the user's name")
    }
  }

  /// Seconds from one timestamp (`YYYY-MM-DDTHH:MM:SSZ`) to another; nil when either is not one.
  static func seconds(from start: String, to end: String) -> Int? {
    guard let a = epochSeconds(start), let b = epochSeconds(end) else { return nil }
    return b - a
  }

  static func epochSeconds(_ timestamp: String) -> Int? {
    let characters = Array(timestamp)
    guard characters.count >= 19, let date = CalendarDate(String(characters[0..<10])),
      let hours = Int(String(characters[11..<13])), let minutes = Int(String(characters[14..<16])),
      let seconds = Int(String(characters[17..<19]))
    else { return nil }
    return date.daysSinceEpoch * 86_400 + hours * 3_600 + minutes * 60 + seconds
  }
}
