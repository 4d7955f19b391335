import HWCRules
import Testing

@testable import HWCRegister

/// The compact explanation of an assessment (migration 0018): every line decodes exactly as it
/// was encoded, whatever its names and values, and bytes that are not an encoded explanation
/// are refused.
@Suite struct ExplanationCodecTests {
  /// `lines` encoded with their texts, then decoded.
  func roundTrip(_ lines: [ExplanationLine]) -> [ExplanationLine]? {
    ExplanationCodec.decode(ExplanationCodec.encode(lines, text: \.text))
  }

  @Test func everyStepOfTheDocumentRegisterDecodesAsEncoded() throws {
    let copy = try DocumentFixture.copy()
    let register = copy.register
    let assessments = try register.db.prepare(
      "SELECT a.id, c.code FROM assessment a JOIN complaint c ON c.id = a.complaint_id"
    ).map { ($0.int(0), $0.text(1)) }
    #expect(assessments.count > 5)
    for (id, code) in assessments {
      let stored = try #require(try register.assessments.stored(id: id, code: code))
      let lines = stored.assessment.explanation
      #expect(!lines.isEmpty)
      #expect(roundTrip(lines) == lines, "\(code)")
    }
  }

  @Test func valuesThatAreNotCanonicalNumbersOrDatesStayAsWritten() {
    let values = [
      "zero": "0", "leading_zero": "007", "minus_zero": "-0", "negative": "-125",
      "big": "123456789012345678901234", "decimal": "1.5", "grouped": "11,200",
      "date": "2026-02-28", "not_a_date": "2026-13-01", "short_date": "2026-2-28",
      "year_zero": "0999-01-01", "empty": "", "words": "Шамшы buffer fund",
    ]
    let lines = [
      ExplanationLine(step: .cap, rule: "cap", values: values, text: "known rule"),
      ExplanationLine(step: .payer, rule: "a_rule_not_in_the_codes", values: [:], text: ""),
      ExplanationLine(
        step: .eligibility, rule: "inspected", values: ["date": "2026-10-20"], text: "Ä"),
    ]
    #expect(roundTrip(lines) == lines)
  }

  @Test func namesAndNumbersTakeFewBytes() {
    let line = ExplanationLine(
      step: .lines, rule: "subtotal", values: ["amount_minor": "1120000"], text: "")
    // version, step, rule, count, key and tag, three varint bytes, empty text
    #expect(ExplanationCodec.encode([line], text: \.text).count == 9)
  }

  @Test func bytesThatAreNotAnExplanationAreRefused() {
    let line = ExplanationLine(
      step: .cap, rule: "cap", values: ["season": "2026", "fund": "Shamshy"], text: "cap")
    let bytes = ExplanationCodec.encode([line], text: \.text)
    #expect(ExplanationCodec.decode([]) == nil)
    #expect(ExplanationCodec.decode([2] + bytes.dropFirst()) == nil)
    #expect(ExplanationCodec.decode(Array(bytes.dropLast())) == nil)
    var badStep = bytes
    badStep[1] = 99
    #expect(ExplanationCodec.decode(badStep) == nil)
  }
}
