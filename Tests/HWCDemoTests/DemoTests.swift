import HWCCore
import HWCRegister
import HWCTestSupport
import Testing

@testable import HWCDemo

/// A small demo register built once per test in a fresh directory.
struct SmallDemo {
  let directory = TemporaryDirectory()
  let summary: DemoSummary
  let register: Register

  init(seed: UInt64 = Demo.defaultSeed) throws {
    let path = directory.file("demo.sqlite")
    summary = try Demo.build(path: path, seed: seed, scale: .small)
    register = try Register.open(path: path)
  }
}

@Suite struct DemoTests {
  @Test func theSameSeedBuildsTheSameRegister() throws {
    let first = try SmallDemo()
    let second = try SmallDemo()
    let other = try SmallDemo(seed: 7)
    let hash = try first.register.auditLog().last?.hash
    #expect(hash != nil)
    #expect(try second.register.auditLog().last?.hash == hash)
    #expect(try other.register.auditLog().last?.hash != hash)
    #expect(first.summary.statuses == second.summary.statuses)
  }

  @Test func smallDemoCoversEveryDistrictConservancyAndStatus() throws {
    let demo = try SmallDemo()
    let summary = demo.summary
    for line in summary.lines { print(line) }
    #expect(summary.complaints >= 300 && summary.complaints <= 600)
    #expect(summary.districts.count == 9)
    for district in summary.districts { #expect(district.count > 0, "\(district.name)") }
    #expect(summary.conservancies.map(\.name) == ["Shamshy", "Baiboosun"])
    for conservancy in summary.conservancies {
      #expect(conservancy.count > 0, "\(conservancy.name)")
    }
    for status in ["registered", "assessed", "paid", "rejected", "ineligible"] {
      #expect(summary.count(status: status) > 0, "no complaint is \(status)")
    }
    let pending = ["registered", "inspected", "assessed", "approved", "appealed"]
      .map(summary.count(status:)).reduce(0, +)
    #expect(pending > 0)
    #expect(summary.appeals > 0)
    #expect(summary.payments == summary.count(status: "paid"))
    #expect(summary.rejections > 0)
    #expect(summary.emergencies > 0 && summary.incidents == 1)
    #expect(summary.insuredHerds > 0 && summary.allocations > 0 && summary.contributions > 0)
    #expect(summary.latestCompleteQuarter == "2026-Q3")
    #expect(summary.quarters.first == "2025-Q1" && summary.quarters.count >= 7)
  }

  @Test func theRegisterIsSound() throws {
    let demo = try SmallDemo()
    for item in try demo.register.check() {
      #expect(item.problem == nil, "\(item.name): \(item.problem ?? "")")
    }
    #expect(try demo.register.ledgerProblems().isEmpty)
  }

  @Test func saigaComplaintsFollowTheMigrationsAndPredationTheWinter() throws {
    let demo = try SmallDemo()
    let all = try demo.register.complaints()
    func month(_ complaint: Register.ComplaintSummary) -> Int {
      CalendarDate(complaint.incidentDate)!.month
    }
    let saiga = all.filter { $0.species == "saiga" }
    let migrating = saiga.filter { [3, 4, 5, 9, 10, 11].contains(month($0)) }
    #expect(Double(migrating.count) >= 0.8 * Double(saiga.count))
    #expect(
      saiga.allSatisfy { ["Kaztalov", "Zhanibek", "Bokeyorda", "Akzhaik"].contains($0.district) })
    let mountains = ["Talgar", "Karasay", "Chuy", "Kemin", "Ton"]
    let predation = all.filter {
      mountains.contains($0.district) && $0.type == "livestock_predation"
    }
    // Four winter months (December to March) hold more than half of the year's predation.
    let winter = predation.filter { [12, 1, 2, 3].contains(month($0)) }
    #expect(Double(winter.count) > 0.5 * Double(predation.count))
  }

  @Test func anExistingFileIsRefused() throws {
    let demo = try SmallDemo()
    #expect(throws: DemoError.exists(path: demo.summary.path)) {
      try Demo.build(path: demo.summary.path, scale: .small)
    }
  }

  @Test func theIdentifiersAreValid() throws {
    var rng = SplitMix64(seed: 1)
    var ids = DemoIDs()
    for country in [Country.kz, .kg] {
      for _ in 0..<500 {
        let person = DemoNames.person(country, &rng)
        let id = ids.issue(for: person, country, &rng)
        #expect(id.count == (country == .kz ? 12 : 14))
      }
    }
  }

  /// The full demo: at least 5,000 complaints over at least six quarters (about 12 s in a debug
  /// build, 4 s in release).
  @Test func theFullDemoIsBigEnough() throws {
    let directory = TemporaryDirectory()
    let summary = try Demo.build(path: directory.file("demo.sqlite"))
    #expect(summary.complaints >= 5_000)
    #expect(summary.quarters.count >= 6)
    #expect(summary.districts.allSatisfy { $0.count >= 100 })
    #expect(summary.approvalsRefusedForBudget > 0)
    #expect(summary.latestCompleteQuarter == "2026-Q3")
  }
}
