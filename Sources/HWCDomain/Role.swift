/// What a user may do (SPEC §7).
public enum Role: String, Sendable, CaseIterable, Hashable {
  /// Users, reference data and policy; never registers, inspects, approves or pays.
  case admin
  /// Registers claimants and complaints.
  case officer
  /// Records field inspections.
  case inspector
  /// Approves or rejects payouts.
  case committee
  /// Records allocations, contributions and disbursements.
  case treasurer
  /// Prints reports and exports.
  case analyst
}

/// Where a role applies: everywhere, in one district (and its conservancies), or one conservancy.
public enum Scope: Sendable, Hashable {
  case everywhere
  case district(Int)
  case conservancy(Int)

  /// The district of a district scope (as `user_role.district_id` stores it), else nil.
  public var districtID: Int? {
    if case .district(let id) = self { id } else { nil }
  }

  /// The conservancy of a conservancy scope (as `user_role.conservancy_id` stores it), else nil.
  public var conservancyID: Int? {
    if case .conservancy(let id) = self { id } else { nil }
  }

  /// True when this scope covers a record in `districtID`, optionally inside `conservancyID`.
  public func covers(districtID: Int, conservancyID: Int?) -> Bool {
    switch self {
    case .everywhere: return true
    case .district(let id): return id == districtID
    case .conservancy(let id): return id == conservancyID
    }
  }
}

/// A role with its scope, as written `committee@Kaztalov`, `officer` or `committee@Shamshy`.
public struct ScopedRole: Sendable, Hashable {
  public let role: Role
  public let scope: Scope

  public init(role: Role, scope: Scope) {
    self.role = role
    self.scope = scope
  }

  /// Parses `ROLE[@DISTRICT|@CONSERVANCY]` against the reference data.
  public static func parse(_ text: String, reference: Reference) -> Result<ScopedRole, DomainError>
  {
    let parts = text.split(separator: "@", maxSplits: 1, omittingEmptySubsequences: false)
    let roleName = String(parts[0]).lowercased()
    guard let role = Role(rawValue: roleName) else {
      let known = Role.allCases.map(\.rawValue).joined(separator: ", ")
      return .failure(.invalid(field: .role, "'\(parts[0])' is not a role (one of: \(known))"))
    }
    guard parts.count == 2 else { return .success(ScopedRole(role: role, scope: .everywhere)) }
    let place = String(parts[1])
    if let district = reference.district(named: place) {
      return .success(ScopedRole(role: role, scope: .district(district.id)))
    }
    if let conservancy = reference.conservancy(named: place) {
      return .success(ScopedRole(role: role, scope: .conservancy(conservancy.id)))
    }
    return .failure(
      .invalid(
        field: .role,
        "'\(place)' is neither a district nor a conservancy "
          + "(districts: \(reference.districtNames); conservancies: \(reference.conservancyNames))")
    )
  }

  /// The written form, e.g. `committee@Kaztalov`.
  public func written(reference: Reference) -> String {
    switch scope {
    case .everywhere: return role.rawValue
    case .district(let id):
      return role.rawValue + "@" + (reference.district(id: id)?.name.en ?? "?")
    case .conservancy(let id):
      return role.rawValue + "@" + (reference.conservancy(id: id)?.name.en ?? "?")
    }
  }
}
