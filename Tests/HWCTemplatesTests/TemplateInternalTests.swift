import Testing

@testable import HWCTemplates

@Suite("Internal guards")
struct TemplateInternalTests {
  @Test func anUnresolvedIncludeIsAnErrorNotSilence() throws {
    let template = try Template(parsing: "a\n{% include \"part\" %}\n", name: "t.en.txt")
    #expect(throws: TemplateError.self) { try template.render([:]) }
    do {
      _ = try template.render([:])
    } catch {
      let expected =
        "t.en.txt:2: cannot include 'part': load templates with includes through TemplateLibrary"
      #expect(error.description == expected)
    }
  }

  @Test(arguments: [
    (UInt(7), UInt(10), UInt(3), UInt(23)), (1, 1, 2, 1), (1, 1, 3, 0), (UInt.max, 1, 1, UInt.max),
    (UInt.max, 2, 2, UInt.max), (UInt.max, UInt.max, UInt.max, UInt.max),
  ])
  func mulDivRoundsHalfUpWithoutOverflow(a: UInt, b: UInt, c: UInt, expected: UInt) {
    #expect(TemplateFormat.mulDivRoundingHalfUp(a, b, c) == expected)
  }

  @Test func mulDivReportsResultsThatDoNotFit() {
    #expect(TemplateFormat.mulDivRoundingHalfUp(UInt.max, 2, 1) == nil)
    #expect(TemplateFormat.mulDivRoundingHalfUp(UInt.max, 3, 2) == nil)
  }
}
