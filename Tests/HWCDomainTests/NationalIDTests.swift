import HWCCore
import HWCDomain
import Testing

// Valid Kazakh IINs. The check digit (digit 12) is computed from digits 1–11 (d1…d11):
//
// 880512300411 (1988-05-12, digit 7 = 3: 1900s, male)
//   digits   8  8  0  5  1  2  3  0  0  4  1
//   weights  1  2  3  4  5  6  7  8  9 10 11
//   products 8 16  0 20  5 12 21  0  0 40 11  -> sum 133 = 12 * 11 + 1 -> check digit 1
//
// 900715400236 (1990-07-15, digit 7 = 4: 1900s, female), needs the second pass
//   digits   9  0  0  7  1  5  4  0  0  2  3
//   weights  1  2  3  4  5  6  7  8  9 10 11
//   products 9  0  0 28  5 30 28  0  0 20 33  -> sum 153 = 13 * 11 + 10 -> 10, so again:
//   weights  3  4  5  6  7  8  9 10 11  1  2
//   products 27 0  0 42  7 40 36  0  0  2  6  -> sum 160 = 14 * 11 + 6 -> check digit 6
//
// The others were computed the same way in a throwaway script.
private let validIINs: [(String, Int, Int, Int)] = [
  ("880512300411", 1988, 5, 12),
  ("900715400236", 1990, 7, 15),
  ("950103400122", 1995, 1, 3),
  ("881130401234", 1988, 11, 30),
  ("010220501237", 2001, 2, 20),
  ("070601600455", 2007, 6, 1),
  ("000229600074", 2000, 2, 29),  // 2000 is a leap year
  ("991231100010", 1899, 12, 31),  // digit 7 = 1: 1800s, male
  ("621117200775", 1862, 11, 17),  // digit 7 = 2: 1800s, female
]

// Kyrgyz PINs: sex digit, DDMMYYYY, 5-digit serial.
private let validPINs: [(String, Int, Int, Int)] = [
  ("21505198800345", 1988, 5, 15),  // 2 | 15051988 | 00345, male
  ("10103200012345", 2000, 3, 1),  // 1 | 01032000 | 12345, female
  ("12902200000001", 2000, 2, 29),  // 29 February of a leap year
  ("23112199900007", 1999, 12, 31),
  ("10101190000001", 1900, 1, 1),  // earliest accepted year
]

private let invalidIINs: [(String, NationalIDError)] = [
  // Check digit: 880512300411 is valid, so 2 is wrong; swapping the day digits also shows.
  ("880512300412", .checkDigitMismatch),
  ("880521300411", .checkDigitMismatch),
  ("900715400230", .checkDigitMismatch),
  // Both passes give 10 for 75071530032 (1975-07-15, male): whatever the last digit is.
  ("750715300320", .checkDigitNotComputable),
  ("750715300329", .checkDigitNotComputable),
  // Length.
  ("88051230041", .wrongLength(.kz, found: 11)),
  ("8805123004110", .wrongLength(.kz, found: 13)),
  ("21505198800345", .wrongLength(.kz, found: 14)),  // a Kyrgyz PIN
  ("", .wrongLength(.kz, found: 0)),
  (" \t ", .wrongLength(.kz, found: 0)),
  // Non-digits (positions are 1-based, after trimming).
  ("88051230O411", .nonDigit(.kz, position: 9)),  // letter O for zero
  ("880512 300411", .nonDigit(.kz, position: 7)),
  ("880512-300411", .nonDigit(.kz, position: 7)),
  ("IIN880512300", .nonDigit(.kz, position: 1)),
  ("８８0512300411", .nonDigit(.kz, position: 1)),  // full-width digits are not accepted
  // Birth date (check digits are correct, so only the date is wrong).
  ("880230300419", .invalidBirthDate(.kz)),  // 30 February 1988
  ("000229300075", .invalidBirthDate(.kz)),  // 29 February 1900: not a leap year
  ("881301300411", .invalidBirthDate(.kz)),  // month 13 (date is checked before check digit)
  ("880500300411", .invalidBirthDate(.kz)),  // day 0
  // Century and sex digit (check digits correct for the digits as written).
  ("880512000412", .invalidCenturyDigit(0)),
  ("880512700417", .invalidCenturyDigit(7)),
  ("880512800413", .invalidCenturyDigit(8)),
  ("880512900419", .invalidCenturyDigit(9)),
]

private let invalidPINs: [(String, NationalIDError)] = [
  ("31505198800345", .invalidGenderDigit(3)),
  ("01505198800345", .invalidGenderDigit(0)),
  ("23104199000123", .invalidBirthDate(.kg)),  // 31 April 1990
  ("12902190000001", .invalidBirthDate(.kg)),  // 29 February 1900
  ("20001200000001", .invalidBirthDate(.kg)),  // day 00
  ("20113200000001", .invalidBirthDate(.kg)),  // month 13
  ("21505189900345", .birthYearBefore1900),  // 15 May 1899
  ("2150519880034", .wrongLength(.kg, found: 13)),
  ("215051988003456", .wrongLength(.kg, found: 15)),
  ("880512300411", .wrongLength(.kg, found: 12)),  // a Kazakh IIN
  ("", .wrongLength(.kg, found: 0)),
  ("2150519880034A", .nonDigit(.kg, position: 14)),
  ("2 15051988 00345", .nonDigit(.kg, position: 2)),
]

@Suite("National identifiers")
struct NationalIDTests {
  @Test("Valid Kazakh IINs are accepted with their birth date", arguments: validIINs)
  func validIIN(text: String, year: Int, month: Int, day: Int) throws {
    let id = try NationalID(text, country: .kz)
    #expect(id.value == text)
    #expect(id.country == .kz)
    #expect(id.birthDate == CalendarDate(year: year, month: month, day: day))
  }

  @Test("Valid Kyrgyz PINs are accepted with their birth date", arguments: validPINs)
  func validPIN(text: String, year: Int, month: Int, day: Int) throws {
    let id = try NationalID(text, country: .kg)
    #expect(id.value == text)
    #expect(id.country == .kg)
    #expect(id.birthDate == CalendarDate(year: year, month: month, day: day))
  }

  @Test("Surrounding whitespace is trimmed, and only that")
  func trimming() throws {
    let id = try NationalID(" \t880512300411\n", country: .kz)
    #expect(id.value == "880512300411")
    #expect(id == (try NationalID("880512300411", country: .kz)))
    let pin = try NationalID("\u{00A0}21505198800345 ", country: .kg)
    #expect(pin.value == "21505198800345")
  }

  @Test("Invalid Kazakh IINs are refused with the right reason", arguments: invalidIINs)
  func invalidIIN(text: String, error: NationalIDError) {
    #expect(throws: error) { try NationalID(text, country: .kz) }
  }

  @Test("Invalid Kyrgyz PINs are refused with the right reason", arguments: invalidPINs)
  func invalidPIN(text: String, error: NationalIDError) {
    #expect(throws: error) { try NationalID(text, country: .kg) }
  }

  @Test(
    "Masking keeps the first two and last two digits",
    arguments: [
      ("880512300411", Country.kz, "88********11"),
      (" 900715400236 ", Country.kz, "90********36"),
      ("21505198800345", Country.kg, "21**********45"),
      ("10103200012345", Country.kg, "10**********45"),
    ])
  func masking(text: String, country: Country, masked: String) throws {
    let id = try NationalID(text, country: country)
    #expect(id.masked == masked)
    #expect(id.description == masked)
  }

  @Test(
    "Printing an identifier never shows the full number",
    arguments: validIINs.map { ($0.0, Country.kz) } + validPINs.map { ($0.0, Country.kg) })
  func printingHidesDigits(text: String, country: Country) throws {
    let id = try NationalID(text, country: country)
    var dumped = ""
    dump(id, to: &dumped)
    let renderings = [
      "\(id)", String(describing: id), String(reflecting: id), id.debugDescription,
      "\([id])", dumped,
    ]
    for rendering in renderings {
      #expect(!rendering.contains(text), "\(rendering)")
      #expect(rendering.contains(id.masked))
    }
  }

  @Test(
    "Error messages are one actionable sentence without the identifier",
    arguments: invalidIINs.map { ($0.0, Country.kz) } + invalidPINs.map { ($0.0, Country.kg) })
  func errorMessages(text: String, country: Country) {
    do {
      _ = try NationalID(text, country: country)
      Issue.record("expected an error")
    } catch {
      let message = error.description
      let trimmed = text.trimmingSurroundingWhitespace
      if !trimmed.isEmpty { #expect(!message.contains(trimmed)) }
      // No run of five or more digits: no serial, date or other large part of the identifier.
      #expect(!message.hasDigitRun(ofLength: 5), "\(message)")
      // One sentence: capitalised, a single full stop at the end.
      #expect(message.first?.isUppercase == true)
      #expect(message.last == ".")
      #expect(!message.dropLast().contains("."), "\(message)")
      #expect(message.count <= 160, "\(message)")
    }
  }

  @Test("Each error case has its own message")
  func distinctMessages() {
    let errors: [NationalIDError] = [
      .wrongLength(.kz, found: 11), .wrongLength(.kg, found: 13), .wrongLength(.kz, found: 0),
      .wrongLength(.kz, found: 1), .nonDigit(.kz, position: 3), .nonDigit(.kg, position: 3),
      .invalidBirthDate(.kz), .invalidBirthDate(.kg), .invalidCenturyDigit(0),
      .checkDigitMismatch, .checkDigitNotComputable, .invalidGenderDigit(3),
      .birthYearBefore1900,
    ]
    #expect(Set(errors.map(\.description)).count == errors.count)
    #expect(NationalIDError.wrongLength(.kz, found: 1).description.contains("1 was entered"))
    #expect(NationalIDError.nonDigit(.kg, position: 3).description.contains("character 3"))
    #expect(NationalIDError.invalidCenturyDigit(7).description.contains("is 7"))
  }

  @Test("Identifier lengths per country")
  func lengths() {
    #expect(NationalID.length(for: .kz) == 12)
    #expect(NationalID.length(for: .kg) == 14)
  }
}

extension String {
  fileprivate var trimmingSurroundingWhitespace: Substring {
    var result = Substring(self)
    while let first = result.first, first.isWhitespace { result.removeFirst() }
    while let last = result.last, last.isWhitespace { result.removeLast() }
    return result
  }

  fileprivate func hasDigitRun(ofLength length: Int) -> Bool {
    var run = 0
    for character in self {
      run = character.isASCII && character.isNumber ? run + 1 : 0
      if run >= length { return true }
    }
    return false
  }
}
