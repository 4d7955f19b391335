import HWCCore
import HWCTestSupport
import Testing

/// A seeded mutation fuzzer for `CSVReader`: thousands of mangled field-form files, each read
/// to its end or to one error that names its line in one sentence; the reader never crashes,
/// never loops, and repeats its error once it has failed.
@Suite struct CSVFuzzTests {
  /// Valid inputs to mutate: field forms as the SPEC writes them, and RFC 4180's corners.
  static let seeds: [[UInt8]] = [
    Array(KillTests.attacks(12).utf8),
    Array(
      ("\u{FEFF}" + SpecCSV.complaintHeader
        + "\"F-1\",880512300411,\"Bekov, Yerlan\",Kaztalov,,\"Zhal\"\"paktal\",hay_loss,saiga,"
        + "2026-06-01,2026-06-02,\"hay=1;crop.wheat=2\"\r\n"
        + "F-2,880512300411,\"two\nlines\",Kaztalov,,,hay_loss,saiga,2026-06-01,2026-06-02,hay=1\r"
        + "F-3,,,,,,,,,,\n\nF-4,\"\",x,y").utf8),
  ]

  /// The physical lines of `bytes`, counting LF, CRLF and a lone CR as one break each.
  static func physicalLines(_ bytes: [UInt8]) -> Int {
    var lines = 1
    var index = 0
    while index < bytes.count {
      if bytes[index] == 10 {
        lines += 1
      } else if bytes[index] == 13 {
        lines += 1
        if index + 1 < bytes.count, bytes[index + 1] == 10 { index += 1 }
      }
      index += 1
    }
    return lines
  }

  @Test func mangledFilesAreReadOrRefusedAtANamedLine() {
    var mutator = Mutator(random: Reliability.generator("csv fuzz"))
    let inputs = Reliability.count(short: 400, long: 8_000)
    var refused = 0
    for input in 0..<inputs {
      let bytes = mutator.mutate(mutator.random.pick(Self.seeds), huge: input % 50 == 49)
      let lines = Self.physicalLines(bytes)
      var reader = CSVReader(bytes: bytes)
      var previous = 0
      var records = 0
      do {
        while let record = try reader.next() {
          records += 1
          #expect(record.line >= max(previous, 1) && record.line <= lines, "input \(input)")
          previous = record.line
          guard records <= bytes.count + 1 else {
            Issue.record("input \(input): the reader does not advance")
            break
          }
        }
      } catch let error as CSVError {
        refused += 1
        let description = error.description
        #expect(!description.contains("\n"), "input \(input): \(description)")
        let line = error.line
        #expect(
          line.map { $0 >= max(previous, 1) && $0 <= lines } == true, "input \(input): \(error)")
        #expect(description.hasPrefix("line \(line ?? -1): "), "input \(input): \(description)")
        #expect(throws: error, "input \(input): a failed reader repeats its error") {
          _ = try reader.next()
        }
      } catch {
        Issue.record("input \(input): not a CSVError: \(error)")
      }
    }
    Reliability.report(
      "csv fuzz",
      "\(inputs) mangled CSV inputs: \(refused) refused at a named line, "
        + "\(inputs - refused) read to the end; no crash")
  }
}
