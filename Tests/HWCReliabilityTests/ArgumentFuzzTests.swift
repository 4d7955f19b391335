import Foundation
import HWCTestSupport
import Testing

/// A seeded mutation fuzzer for the argument parser and the commands behind it: valid command
/// lines with words dropped, repeated, swapped or replaced, run in-process against a register.
/// Each ends cleanly (`Refusal.expectClean`), and a refused one writes nothing.
@Suite struct ArgumentFuzzTests {
  /// A register with a complaint KAZ-2026-0001 by Yerlan, inspected, and the users below.
  static func office() throws -> Office {
    let office = try Office(users: [
      ("dauren", ["officer@Kaztalov"]), ("marat", ["inspector@Kaztalov"]),
      ("aliya", ["committee@Kaztalov"]), ("tolkyn", ["treasurer@Kaztalov"]),
    ])
    try office.setup(
      [
        "claimant", "add", "--name", "Yerlan Bekov", "--id", SampleIDs.yerlan, "--district",
        "Kaztalov", "--herd", "sheep_goat=20",
      ] + office.acting("dauren"))
    try office.setup(registration() + office.acting("dauren"))
    try office.setup(inspection() + office.acting("marat"))
    return office
  }

  static func registration() -> [String] {
    [
      "complaint", "register", "--claimant", SampleIDs.yerlan, "--district", "Kaztalov", "--type",
      "livestock_predation", "--species", "wolf", "--incident-date", "2026-06-01",
      "--reported-date", "2026-06-02", "--item", "sheep_goat.adult=3", "--ref", "F-9",
    ]
  }

  static func inspection() -> [String] {
    [
      "inspect", "KAZ-2026-0001", "--date", "2026-06-03", "--item", "sheep_goat.adult=3",
      "--protected", "yes", "--finding", "tracks",
    ]
  }

  /// Valid command lines, and who runs them (nil: a reading command).
  static func lines(_ office: Office) -> [([String], String?)] {
    [
      (registration(), "dauren"), (inspection(), "marat"),
      (
        [
          "claimant", "add", "--name", "Gulnara Sarsenova", "--id", SampleIDs.gulnara,
          "--district", "Kaztalov", "--village", "Kaztalovka", "--herd", "horse=4",
        ], "dauren"
      ),
      (["assess", "KAZ-2026-0001", "--explain"], "aliya"),
      (["approve", "KAZ-2026-0001"], "aliya"),
      (
        ["budget", "allocate", "--district", "Kaztalov", "--year", "2026", "--amount", "5000"],
        "tolkyn"
      ),
      (
        [
          "user", "add", "zarina", "--role", "officer@Kaztalov", "--new-password-file",
          office.secret("zarina"),
        ], "admin"
      ),
      (["complaint", "list", "--district", "Kaztalov", "--json"], nil),
      (["complaint", "show", "KAZ-2026-0001"], nil), (["claimant", "show", SampleIDs.yerlan], nil),
      (["budget", "show", "--district", "Kaztalov", "--year", "2026"], nil),
      (["report", "quarterly", "--quarter", "2026-Q2", "--format", "csv"], nil),
      (["receipt", "KAZ-2026-0001", "--lang", "ru"], nil), (["audit", "log"], nil),
    ]
  }

  @Test func mangledCommandLinesEndCleanlyAndARefusalWritesNothing() throws {
    var mutator = Mutator(random: Reliability.generator("argument fuzz"))
    let office = try Self.office()
    let lines = Self.lines(office)
    let inputs = Reliability.count(short: 250, long: 4_000)
    var codes: [Int32: Int] = [:]
    var before = try Refusal.fingerprint(office.db)
    for input in 0..<inputs {
      let (words, actor) = mutator.random.pick(lines)
      let mangled = mutator.mutate(words) + (actor.map(office.acting) ?? [])
      let outcome = office.run(mangled)
      codes[outcome.code, default: 0] += 1
      let context = "input \(input) \(mangled)"
      Refusal.expectClean(
        outcome, ids: [SampleIDs.yerlan, SampleIDs.gulnara], register: office.db, context)
      let after = try Refusal.fingerprint(office.db)
      if outcome.code != 0 { #expect(after == before, "\(context): a refusal wrote: \(outcome)") }
      before = after
    }
    try office.expectSound(office.db, "after \(inputs) mangled command lines")
    Reliability.report(
      "argument fuzz",
      "\(inputs) mangled command lines in-process: \(codes[0] ?? 0) done, "
        + "\(codes[1] ?? 0) refused (exit 1), \(codes[2] ?? 0) usage errors (exit 2); "
        + "no refusal wrote, no crash")
  }

  /// Found by the fuzzer: a national ID typed where a command, an argument or another option's
  /// value goes was quoted in full in the refusal, and a value with a line break made it two
  /// lines. Every line hwc writes to standard error now masks and escapes them.
  @Test func aNationalIDOrALineBreakInTheWrongPlaceIsQuotedMaskedOrEscaped() throws {
    let office = try Self.office()
    let register = Self.registration()
    for (words, sentence) in [
      ([SampleIDs.yerlan], "hwc: '88********11' is not a command"),
      (["claimant", SampleIDs.asel], "hwc: '21**********45' is not a command of 'hwc claimant'"),
      (
        ["complaint", "show", "KAZ-2026-0001", SampleIDs.gulnara],
        "hwc: unexpected argument '90********36'"
      ),
      (
        ["complaint", "list", "--district", SampleIDs.gulnara],
        "hwc: --district: '90********36' is not a district"
      ),
      (["complaint", "list", "--district", "a\nb"], "hwc: --district: 'a\\nb' is not a district"),
      (
        register.map { $0 == "wolf" ? SampleIDs.yerlan : $0 } + office.acting("dauren"),
        "hwc: --species: '88********11' is not a species"
      ),
    ] {
      let outcome = office.run(words)
      #expect(outcome.errLines.count <= 2, "\(words): \(outcome)")
      #expect(outcome.errLines.first?.hasPrefix(sentence) == true, "\(words): \(outcome)")
      for id in [SampleIDs.yerlan, SampleIDs.gulnara, SampleIDs.asel] {
        #expect(!outcome.err.contains(id), "\(words): \(outcome)")
      }
    }
  }
}
