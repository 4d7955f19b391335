import HWCDomain
import Testing

/// `trimmingSpaces` removes leading and trailing spaces, tabs, CRs and LFs, character by
/// character; text with none at its ends (the fast path) comes back as it is.
@Suite struct TrimmingSpacesTests {
  @Test func textWithNothingToTrimIsReturnedWhole() {
    #expect("Zhalpaktal".trimmingSpaces == "Zhalpaktal")
    #expect("a  b".trimmingSpaces == "a  b")
    #expect("Жалпақтал".trimmingSpaces == "Жалпақтал")
    #expect("x".trimmingSpaces == "x")
    #expect("".trimmingSpaces == "")
  }

  @Test func spacesTabsAndLineBreaksAreTrimmedAtBothEnds() {
    #expect("  F-1 ".trimmingSpaces == "F-1")
    #expect("\tF-1\n".trimmingSpaces == "F-1")
    #expect(" \t\n\r ".trimmingSpaces == "")
    #expect(Substring(" a b ").trimmingSpaces == "a b")
  }

  /// Characters, not bytes: a CR LF pair is one character, which is none of the four, and a
  /// space carrying a combining accent is not a space.
  @Test func charactersThatOnlyStartWithASpaceByteStay() {
    #expect("F-1\r\n".trimmingSpaces == "F-1\r\n")
    #expect(" \u{301}x".trimmingSpaces == " \u{301}x")
  }
}
