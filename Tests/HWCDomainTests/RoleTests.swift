import Testing

@testable import HWCDomain

@Suite struct RoleTests {
  @Test(arguments: [
    ("officer", ScopedRole(role: .officer, scope: .everywhere)),
    ("committee@Kaztalov", ScopedRole(role: .committee, scope: .district(1))),
    ("committee@kaztalov", ScopedRole(role: .committee, scope: .district(1))),
    ("inspector@Shamshy", ScopedRole(role: .inspector, scope: .conservancy(1))),
  ])
  func parsesRoleAndScope(text: String, expected: ScopedRole) throws {
    #expect(try ScopedRole.parse(text, reference: testReference).get() == expected)
  }

  @Test(arguments: [
    ("boss", "--role: 'boss' is not a role"),
    ("officer@Atlantis", "--role: 'Atlantis' is neither a district nor a conservancy"),
  ])
  func refusesUnknownRolesAndPlaces(text: String, message: String) {
    switch ScopedRole.parse(text, reference: testReference) {
    case .success: Issue.record("accepted \(text)")
    case .failure(let error): #expect(error.description.hasPrefix(message))
    }
  }

  @Test func aDistrictScopeCoversItsConservanciesButAConservancyScopeNotItsDistrict() {
    #expect(Scope.district(7).covers(districtID: 7, conservancyID: 1))
    #expect(Scope.conservancy(1).covers(districtID: 7, conservancyID: 1))
    #expect(!Scope.conservancy(1).covers(districtID: 7, conservancyID: nil))
    #expect(!Scope.district(1).covers(districtID: 7, conservancyID: nil))
    #expect(Scope.everywhere.covers(districtID: 9, conservancyID: nil))
  }
}
