import Foundation
import HWCStore
import HWCTestSupport
import Testing

/// What every refusal must look like, and the proof that it wrote nothing.
enum Refusal {
  /// Records an issue unless `outcome` is a clean end: exit 0, or exit 1 with one `hwc:`
  /// sentence last (after `FILE:LINE:` lines, one per bad row of a file), or exit 2 with one
  /// sentence and the usage line of a known command (or a group's help, when no command of the
  /// group is named); no SQL or SQLite words, no full national ID of `ids`.
  static func expectClean(
    _ outcome: Outcome, ids: [String], register: String, _ context: String,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let lines = outcome.errLines
    switch outcome.code {
    case 0: break
    case 1:
      #expect(
        lines.last?.hasPrefix("hwc: ") == true, "\(context): \(outcome)",
        sourceLocation: sourceLocation)
      for line in lines.dropLast() {
        #expect(
          line.range(of: #"^[^ :]+:[0-9]+: "#, options: .regularExpression) != nil,
          "\(context): a line neither FILE:LINE nor the sentence: \(outcome)",
          sourceLocation: sourceLocation)
      }
    case 2 where lines.isEmpty:
      // A command group without its command (`hwc audit`): the group's help.
      #expect(
        outcome.out.contains("usage: hwc "), "\(context): \(outcome)",
        sourceLocation: sourceLocation)
    case 2:
      // One sentence, and the command's usage line when the command is known.
      #expect(
        lines.first?.hasPrefix("hwc: ") == true && lines.count <= 2
          && lines.dropFirst().allSatisfy { $0.hasPrefix("usage: hwc ") },
        "\(context): \(outcome)", sourceLocation: sourceLocation)
    default:
      Issue.record("\(context): exit \(outcome.code): \(outcome)", sourceLocation: sourceLocation)
    }
    let text = outcome.err.replacingOccurrences(of: register, with: "REGISTER")
    for word in ["SQL", "sqlite3", "SELECT ", "INSERT ", "UPDATE ", "constraint failed"] {
      #expect(
        !text.contains(word), "\(context): '\(word)' in \(outcome)", sourceLocation: sourceLocation)
    }
    for id in ids where outcome.code != 0 {
      #expect(
        !outcome.err.contains(id), "\(context): a full national ID in \(outcome)",
        sourceLocation: sourceLocation)
    }
  }

  /// The row count of every table and the last audit entry's id: what any write changes.
  static func fingerprint(_ register: String) throws -> [String: Int] {
    let raw = try Database(path: register, create: false)
    let tables = try raw.prepare(
      "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    ).map { $0.text("name") }
    var result: [String: Int] = [:]
    for table in tables {
      result[table] = try raw.scalar(Int.self, "SELECT count(*) FROM \"\(table)\"") ?? 0
    }
    result["last audit entry"] = try raw.scalar(Int.self, "SELECT max(id) FROM audit_entry") ?? 0
    return result
  }
}
