import HWCCore
import HWCDomain
import Testing

/// `NationalID.iinCheckDigit(of:)`, `makeIIN` and `makePIN`: the worked examples of
/// `NationalIDTests` made from their parts, and everything made is accepted by validation.
@Suite("Making national identifiers")
struct NationalIDMakeTests {
  static func date(_ year: Int, _ month: Int, _ day: Int) -> CalendarDate {
    CalendarDate(year: year, month: month, day: day)!
  }

  @Test func theCheckDigitIsTheWeightedSumModulo11() {
    // 8·1 + 8·2 + 0·3 + 5·4 + 1·5 + 2·6 + 3·7 + 0·8 + 0·9 + 4·10 + 1·11 = 133 = 12·11 + 1.
    #expect(NationalID.iinCheckDigit(of: [8, 8, 0, 5, 1, 2, 3, 0, 0, 4, 1]) == 1)
    // The first pass gives 10; weights 3…11, 1, 2 give 160 = 14·11 + 6.
    #expect(NationalID.iinCheckDigit(of: [9, 0, 0, 7, 1, 5, 4, 0, 0, 2, 3]) == 6)
    // Both passes give 10: no IIN starts 75071530032.
    #expect(NationalID.iinCheckDigit(of: [7, 5, 0, 7, 1, 5, 3, 0, 0, 3, 2]) == nil)
  }

  @Test func anIINIsMadeFromBirthSexAndSerial() {
    #expect(
      NationalID.makeIIN(birth: Self.date(1988, 5, 12), sex: .male, serial: 41) == "880512300411")
    #expect(
      NationalID.makeIIN(birth: Self.date(1990, 7, 15), sex: .female, serial: 23) == "900715400236")
    #expect(NationalID.makeIIN(birth: Self.date(1975, 7, 15), sex: .male, serial: 32) == nil)
  }

  @Test(arguments: [
    (1899, NationalID.Sex.male, "1"), (1899, .female, "2"), (1950, .male, "3"),
    (1950, .female, "4"), (2005, .male, "5"), (2005, .female, "6"),
  ])
  func digit7GivesTheCenturyAndSex(year: Int, sex: NationalID.Sex, digit: String) throws {
    let birth = Self.date(year, 3, 1)
    let iin = try #require(
      (0...20).lazy.compactMap { NationalID.makeIIN(birth: birth, sex: sex, serial: $0) }.first)
    #expect(iin.dropFirst(6).prefix(1) == digit)
    #expect(try NationalID(iin, country: .kz).birthDate == birth)
  }

  @Test func everyIINMadeIsValidOrNilWhenNoCheckDigitExists() throws {
    var made = 0
    for serial in 0..<2_000 {
      let birth = Self.date(1960 + serial % 50, 1 + serial % 12, 1 + serial % 28)
      let sex: NationalID.Sex = serial % 3 == 0 ? .female : .male
      guard let iin = NationalID.makeIIN(birth: birth, sex: sex, serial: serial) else {
        continue
      }
      made += 1
      #expect(try NationalID(iin, country: .kz).birthDate == birth)
    }
    #expect(made > 1_700)
  }

  @Test func aPINIsMadeFromSexBirthAndSerial() throws {
    #expect(
      NationalID.makePIN(birth: Self.date(1988, 5, 15), sex: .male, serial: 345)
        == "21505198800345")
    let pin = NationalID.makePIN(birth: Self.date(2001, 12, 3), sex: .female, serial: 99_999)
    #expect(pin == "10312200199999")
    #expect(try NationalID(pin, country: .kg).birthDate == Self.date(2001, 12, 3))
  }
}
