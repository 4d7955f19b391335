import Testing

@testable import HWCCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

@Suite struct OfficeZoneTests {
  /// Instants around the region's changes since 2005, as stored timestamps.
  static let instants = [
    "2006-01-01T00:00:00Z", "2018-12-20T17:59:59Z", "2018-12-20T18:00:00Z",
    "2024-02-29T17:59:59Z", "2024-02-29T18:00:00Z", "2026-06-15T09:30:00Z",
  ]

  @Test(
    "the built-in table gives each zone's offsets",
    arguments: [
      ("Asia/Oral", [5, 5, 5, 5, 5, 5]), ("Asia/Almaty", [6, 6, 6, 6, 5, 5]),
      ("Asia/Qostanay", [6, 6, 6, 6, 5, 5]), ("Asia/Qyzylorda", [6, 6, 5, 5, 5, 5]),
      ("Asia/Bishkek", [6, 6, 6, 6, 6, 6]), ("Asia/Aqtau", [5, 5, 5, 5, 5, 5]),
      ("UTC", [0, 0, 0, 0, 0, 0]),
    ])
  func builtInOffsets(_ identifier: String, _ hours: [Int]) throws {
    let zone = try #require(OfficeZone.builtIn(identifier))
    #expect(zone.source == .builtIn)
    let found = Self.instants.map { zone.offset(at: OfficeZone.seconds($0)!) / 3600 }
    #expect(found == hours)
  }

  @Test(
    "without a tz database the built-in table answers", arguments: OfficeZone.builtInIdentifiers)
  func withoutTzDatabase(_ identifier: String) throws {
    let zone = try #require(OfficeZone.named(identifier, zoneinfo: "/no/such/zoneinfo"))
    #expect(zone.source == .builtIn)
    #expect(OfficeZone.named("Europe/Berlin", zoneinfo: "/no/such/zoneinfo") == nil)
  }

  /// Where the machine has a tz database, it is read, and it agrees with the built-in table on
  /// every region zone since 2005; a bare container has none, so nothing is compared there.
  @Test(
    "the tz database, where present, agrees with the table",
    arguments: OfficeZone.builtInIdentifiers)
  func tzDatabaseAgrees(_ identifier: String) throws {
    guard access("/usr/share/zoneinfo/\(identifier)", R_OK) == 0 else { return }
    let system = try #require(OfficeZone.named(identifier))
    #expect(system.source == .system)
    let table = try #require(OfficeZone.builtIn(identifier))
    for instant in Self.instants {
      let seconds = OfficeZone.seconds(instant)!
      #expect(system.offset(at: seconds) == table.offset(at: seconds), "\(instant)")
    }
  }

  @Test func readsATZifFileBuiltHere() throws {
    // Version 1, one transition at 2024-02-29T18:00:00Z from +06 (type 0) to +05 (type 1).
    func be32(_ value: Int32) -> [UInt8] {
      withUnsafeBytes(of: value.bigEndian) { Array($0) }
    }
    var bytes = Array("TZif".utf8) + [0] + Array(repeating: 0, count: 15)
    bytes += be32(0) + be32(0) + be32(0) + be32(1) + be32(2) + be32(4)
    bytes += be32(1_709_229_600) + [1]
    bytes += be32(21_600) + [0, 0] + be32(18_000) + [0, 0]
    bytes += Array("+06\0".utf8)
    let periods = try #require(TZif.parse(bytes))
    let zone = OfficeZone(identifier: "Test/Zone", source: .system, periods: periods)
    #expect(zone.offset(at: 1_709_229_599) == 21_600)
    #expect(zone.offset(at: 1_709_229_600) == 18_000)
    #expect(TZif.parse(Array("not a zone file".utf8)) == nil)
    #expect(TZif.periods(zoneinfo: "/usr/share/zoneinfo", identifier: "../../etc/passwd") == nil)
  }

  @Test func todayAndPrintedTimesAreLocal() throws {
    let oral = try #require(OfficeZone.builtIn("Asia/Oral"))
    #expect(oral.localDate(ofTimestamp: "2026-06-15T18:59:59Z")?.description == "2026-06-15")
    #expect(oral.localDate(ofTimestamp: "2026-06-15T19:00:00Z")?.description == "2026-06-16")
    #expect(oral.display("2026-06-15T09:30:00Z") == "2026-06-15 14:30 +05")
    #expect(oral.display("2026-06-15T21:05:00Z") == "2026-06-16 02:05 +05")
    #expect(oral.display("seed") == "seed")
    #expect(OfficeZone.offsetText(19_800) == "+05:30")
    let clock = Clock.fixed("2026-06-15T20:00:00Z")
    #expect(clock.today.description == "2026-06-15")
    #expect(clock.in(oral).today.description == "2026-06-16")
  }
}
