import HWCCore
import HWCRegister
import HWCTestSupport
import Testing

@testable import HWCDemo

@Suite struct DemoOfficeTests {
  @Test func anOfficesDemoHoldsOnlyItsDistrictsAndIsSound() throws {
    let directory = TemporaryDirectory()
    let path = directory.file("office.sqlite")
    let summary = try Demo.build(path: path, scale: .small, districts: ["Chuy", "Kemin"])
    for district in summary.districts {
      let mine = ["Chuy", "Kemin"].contains(district.name)
      #expect(mine ? district.count > 0 : district.count == 0, "\(district.name)")
    }
    #expect(summary.conservancies.map(\.count)[1] == 0)  // Baiboosun is Ton's
    #expect(summary.conservancies.map(\.count)[0] > 0)  // Shamshy is Chuy's
    #expect(summary.incidents == 0 && summary.emergencies == 0 && summary.allocations == 0)
    #expect(summary.count(status: "paid") > 0)
    let register = try Register.open(path: path)
    for item in try register.check() {
      #expect(item.problem == nil, "\(item.name): \(item.problem ?? "")")
    }
    #expect(try register.ledgerProblems().isEmpty)
  }
}
