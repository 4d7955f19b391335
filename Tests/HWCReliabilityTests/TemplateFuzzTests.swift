import Foundation
import HWCTemplates
import Testing

/// A seeded mutation fuzzer for the template engine: mangled report templates are parsed and
/// rendered, or refused with one sentence naming the template file and a line within it.
@Suite struct TemplateFuzzTests {
  /// A template using every kind of tag, and a context that renders it.
  static let own = """
    {# a comment #}
    Complaint {{ id }} of {{ claimant.name | truncate 20 }}
    {% if ref %}Field form {{ ref }}{% end %}
    {% for i in items %}
    - {{ i.name }}: {{ i.quantity }}
    {% end %}
    {% table "Item" left 12, "Quantity" right 8 %}
    {% for i in items %}
    {% row i.name | truncate 12, i.quantity %}
    {% end %}
    {% end %}
    Reported on {{ day | date "long" }}.

    """
  static let context: TemplateValue = [
    "id": "KAZ-2026-0001", "ref": "F-1", "day": "2026-06-02",
    "claimant": ["name": "Yerlan Bekov"],
    "items": [["name": "sheep", "quantity": "3"], ["name": "hay", "quantity": "1.5"]],
  ]

  /// The shipped templates (the repository's `templates` folder) and the one above.
  static func seeds() throws -> [(name: String, source: String)] {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("../../templates").standardized.path
    let shipped = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
      .filter { $0.hasSuffix(".txt") }
      .map { ($0, try String(contentsOfFile: folder + "/" + $0, encoding: .utf8)) }
    #expect(shipped.count >= 8, "the shipped templates were not found in \(folder)")
    return shipped + [("own.en.txt", own)]
  }

  @Test func mangledTemplatesRenderOrAreRefusedAtANamedLine() throws {
    var mutator = Mutator(random: Reliability.generator("template fuzz"))
    let seeds = try Self.seeds()
    let inputs = Reliability.count(short: 300, long: 5_000)
    var refused = 0
    for input in 0..<inputs {
      let (name, source) = mutator.random.pick(seeds)
      let mangled = String(decoding: mutator.mutate(Array(source.utf8)), as: UTF8.self)
      // The engine counts lines at each LF (a CR is text); an error at the end of a file that
      // ends with a line break names the line after it.
      let lines = mangled.unicodeScalars.filter { $0 == "\n" }.count + 1
      do {
        _ = try Template(source: mangled, name: name).render(Self.context)
      } catch {
        refused += 1
        #expect(!error.description.contains("\n"), "input \(input): \(error)")
        #expect(error.file == name, "input \(input): \(error)")
        #expect(
          error.line >= 0 && error.line <= lines, "input \(input): \(error) of \(lines) lines")
        #expect(
          error.description.hasPrefix(error.line > 0 ? "\(name):\(error.line): " : "\(name): "))
      }
    }
    Reliability.report(
      "template fuzz",
      "\(inputs) mangled templates: \(refused) refused with FILE:LINE, "
        + "\(inputs - refused) rendered; no crash")
  }
}
