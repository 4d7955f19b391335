import HWCCore
import HWCDomain
import HWCStore

/// The administrator's side of a user's life: disable, enable (also unlocks), revoke a role,
/// reset the secret. Each is an audited change of the user.
extension Register {
  /// Disables `name` at once, ending their sessions (`hwc user disable`).
  public func disableUser(name: String, reason: String, actor: Actor) throws {
    try require(actor, .admin, to: "disable users")
    let reason = reason.trimmingSpaces
    guard !reason.isEmpty else {
      throw DomainError.invalid(field: .reason, "say why the user is disabled")
    }
    let user = try lifecycleTarget(name)
    guard user.disabledReason == nil else {
      throw DomainError.conflict("user \(user.name) is already disabled")
    }
    try db.transaction {
      try keepAnAdministrator(except: user.id, to: "disable \(user.name)")
      let change = try beginChange("user", id: user.id)
      try db.run(
        "UPDATE app_user SET disabled_reason = ? WHERE id = ?",
        with: [reason, user.id])
      try endSessions(userID: user.id)
      try commitChange(change, action: "disable", actor: actor.name)
    }
  }

  /// Enables a disabled user and unlocks a locked one (`hwc user enable`).
  public func enableUser(name: String, actor: Actor) throws {
    try require(actor, .admin, to: "enable users")
    let user = try lifecycleTarget(name)
    guard user.disabledReason != nil || user.locked || user.failedAttempts > 0 else {
      throw DomainError.conflict("user \(user.name) is neither disabled nor locked")
    }
    try db.transaction {
      let change = try beginChange("user", id: user.id)
      try db.run(
        "UPDATE app_user SET disabled_reason = NULL, locked = 0, failed_attempts = 0 WHERE id = ?",
        with: [user.id])
      try commitChange(change, action: "enable", actor: actor.name)
    }
  }

  /// Takes one role away from `name` (`hwc user revoke --role ROLE@SCOPE`).
  public func revokeRole(name: String, role text: String, actor: Actor) throws {
    try require(actor, .admin, to: "revoke roles")
    let user = try lifecycleTarget(name)
    let role = try ScopedRole.parse(text, reference: reference).get()
    try db.transaction {
      if role.role == .admin { try keepAnAdministrator(except: user.id, to: "revoke it") }
      let change = try beginChange("user", id: user.id)
      try db.run(
        """
        DELETE FROM user_role WHERE user_id = ? AND role = ? AND district_id IS ?
          AND conservancy_id IS ?
        """,
        with: [user.id, role.role.rawValue, role.scope.districtID, role.scope.conservancyID])
      guard db.changes > 0 else {
        throw DomainError.notFound(
          "user \(user.name) does not hold the role \(role.written(reference: reference))")
      }
      try commitChange(change, action: "revoke role", actor: actor.name)
    }
  }

  /// Replaces the secret of `name` with a new one-time setup code, returned once; the user must
  /// set a new passphrase before doing anything else (`hwc user reset`). Ends their sessions.
  public func resetUser(name: String, actor: Actor) throws -> String {
    try require(actor, .admin, to: "reset users")
    let user = try lifecycleTarget(name)
    let code = Randomness.setupCode()
    try db.transaction {
      let change = try beginChange("user", id: user.id)
      try db.run(
        "UPDATE app_user SET secret = NULL, setup_code = ?, failed_attempts = 0 WHERE id = ?",
        with: [SetupCode.stored(code), user.id])
      try endSessions(userID: user.id)
      try commitChange(change, action: "reset", actor: actor.name)
    }
    return code
  }

  private func lifecycleTarget(_ name: String) throws -> UserCredentials {
    do {
      return try credentials(named: name)
    } catch DomainError.invalid(_, let message) {
      throw DomainError.notFound(message)
    }
  }

  /// Refuses a change that would leave no active administrator.
  private func keepAnAdministrator(except userID: Int, to what: String) throws {
    let others =
      try db.scalar(
        Int.self,
        """
        SELECT count(DISTINCT u.id) FROM app_user u JOIN user_role r ON r.user_id = u.id
        WHERE r.role = 'admin' AND u.id != ? AND u.disabled_reason IS NULL
        """, with: [userID]) ?? 0
    let isAdmin =
      try db.scalar(
        Int.self,
        "SELECT count(*) FROM user_role WHERE user_id = ? AND role = 'admin'",
        with: [userID]) ?? 0
    guard isAdmin == 0 || others > 0 else {
      throw DomainError.conflict(
        "cannot \(what): the register would have no active administrator left")
    }
  }
}
