import Foundation
import HWCTestSupport
import Testing

/// Mangled field-form files, report templates and command lines fed to the built `hwc`: it
/// ends with exit 0, 1 or 2 and never by a signal, says why in one sentence without SQL or a
/// full national ID, and writes nothing when it refuses.
@Suite(.serialized) struct ExecutableFuzzTests {
  @Test func mangledFilesTemplatesAndCommandLinesNeverCrashTheExecutable() throws {
    var mutator = Mutator(random: Reliability.generator("executable fuzz"))
    let office = try ArgumentFuzzTests.office()
    let rows = 20
    let csv = Array(KillTests.attacks(rows, refPrefix: "M").utf8)
    let ids = [SampleIDs.yerlan, SampleIDs.gulnara] + GeneratedIIN.first(rows, bornFrom: 1972)
    let receipt = try #require(
      try TemplateFuzzTests.seeds().first { $0.name == "receipt.en.txt" }?.source)
    let templates = office.folder.makeDirectory("templates")
    let lines = ArgumentFuzzTests.lines(office)
    let files = Reliability.count(short: 10, long: 600)
    let forms = Reliability.count(short: 5, long: 200)
    let commandLines = Reliability.count(short: 10, long: 600)
    var before = try Refusal.fingerprint(office.db)
    var signals = 0
    var codes: [Int32: Int] = [:]
    func run(_ words: [String], _ context: String) throws {
      let child = try office.spawn(words, "fuzz")
      let outcome = try child.wait()
      if child.signalled {
        signals += 1
        Issue.record("\(context): ended by signal \(outcome.code): \(outcome)")
        return
      }
      codes[outcome.code, default: 0] += 1
      Refusal.expectClean(outcome, ids: ids, register: office.db, context)
      let after = try Refusal.fingerprint(office.db)
      if outcome.code != 0 { #expect(after == before, "\(context): a refusal wrote: \(outcome)") }
      before = after
    }
    for file in 0..<files {
      let path = office.folder.write(
        "mangled-\(file).csv", bytes: mutator.mutate(csv, huge: file % 40 == 39))
      try run(["complaint", "import", path] + office.acting("dauren"), "file \(file)")
    }
    for form in 0..<forms {
      let mangled = mutator.mutate(Array(receipt.utf8))
      office.folder.write("templates/receipt.en.txt", bytes: mangled)
      try run(["receipt", "KAZ-2026-0001", "--templates", templates], "template \(form)")
    }
    for line in 0..<commandLines {
      let (words, actor) = mutator.random.pick(lines)
      // A process's arguments are C strings: a NUL would end the word, so none is passed.
      let mangled = mutator.mutate(words).map { $0.replacingOccurrences(of: "\u{0}", with: "") }
      try run(mangled + (actor.map(office.acting) ?? []), "command line \(line) \(mangled)")
    }
    try office.expectSound(office.db, "after the mangled inputs")
    Reliability.report(
      "executable fuzz",
      "\(files) mangled CSV files, \(forms) mangled templates, \(commandLines) mangled command "
        + "lines run by the built hwc: \(codes[0] ?? 0) done, \(codes[1] ?? 0) refused, "
        + "\(codes[2] ?? 0) usage errors, \(signals) signals; no refusal wrote")
  }
}
