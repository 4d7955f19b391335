import Foundation
import Testing

/// The fenced code blocks of the README's `## Walkthrough` section (up to the next `## `).
struct ReadmeWalkthrough {
  struct Block {
    /// The fence's info string: `sh` for commands, `text` for output, `csv` for a file.
    let info: String
    /// The README line of the opening fence, from 1.
    let line: Int
    let lines: [String]
  }

  static let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("README.md")

  let blocks: [Block]

  init() throws {
    let lines = try String(contentsOf: Self.readme, encoding: .utf8)
      .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    guard let start = lines.firstIndex(of: "## Walkthrough") else {
      throw CocoaError(.fileReadCorruptFile)
    }
    var blocks: [Block] = []
    var index = start + 1
    while index < lines.count, !lines[index].hasPrefix("## ") {
      defer { index += 1 }
      guard lines[index].hasPrefix("```") else { continue }
      let opening = index
      let info = String(lines[index].dropFirst(3))
      var body: [String] = []
      index += 1
      while index < lines.count, lines[index] != "```" {
        body.append(lines[index])
        index += 1
      }
      blocks.append(Block(info: info, line: opening + 1, lines: body))
    }
    self.blocks = blocks
  }

  /// The `hwc` commands of the `sh` blocks as words, in order; other commands (`export …`) and
  /// comments are left out.
  func commands() throws -> [[String]] {
    try blocks.filter { $0.info == "sh" }.flatMap {
      try ShellWords.commands($0.lines.joined(separator: "\n")).filter { $0.first == "hwc" }
    }
  }
}

/// The README's walkthrough is exactly what `Transcripts/walkthrough.transcript` runs: the same
/// commands in the same order, the output it shows printed by those commands, the CSV files it
/// shows the ones the transcript imports.
@Suite struct ReadmeWalkthroughTests {
  static func shown(_ words: [String]) -> String {
    words.map { $0.contains(" ") || $0.isEmpty ? "\"\($0)\"" : $0 }.joined(separator: " ")
  }

  @Test func theWalkthroughShowsTheTranscriptsCommandsInOrder() throws {
    let readme = try ReadmeWalkthrough().commands()
    let transcript = try Transcripts.load(Transcripts.walkthrough).steps.map { try $0.words() }
    #expect(!readme.isEmpty)
    let common = min(readme.count, transcript.count)
    if let index = (0..<common).first(where: { readme[$0] != transcript[$0] }) {
      Issue.record(
        """
        README walkthrough command \(index + 1) differs from the transcript's:
          README:     \(Self.shown(readme[index]))
          transcript: \(Self.shown(transcript[index]))
        """)
    } else if readme.count != transcript.count {
      let extra = Self.shown((readme.count > common ? readme : transcript)[common])
      Issue.record(
        """
        the README walkthrough shows \(readme.count) hwc commands, the transcript runs \
        \(transcript.count); the first extra: \(extra)
        """)
    }
  }

  @Test func everyOutputTheWalkthroughShowsIsPrintedByATranscriptStep() throws {
    let steps = try Transcripts.load(Transcripts.walkthrough).steps
    let streams: [[String]] = (steps.map(\.out) + steps.map(\.err)).map {
      $0.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }
    let examples = try ReadmeWalkthrough().blocks.filter { $0.info == "text" }
    #expect(!examples.isEmpty)
    for block in examples {
      let found = streams.contains { stream in
        stream.count >= block.lines.count
          && (0...(stream.count - block.lines.count)).contains {
            Array(stream[$0..<($0 + block.lines.count)]) == block.lines
          }
      }
      let shown = block.lines.joined(separator: "\n")
      #expect(
        found, "README.md:\(block.line): no step of the transcript prints this output:\n\(shown)")
    }
  }

  @Test func everyCSVFileTheWalkthroughShowsIsATranscriptInput() throws {
    let inputs = try Transcripts.inputs().map {
      try String(contentsOf: Transcripts.url($0), encoding: .utf8)
    }
    for block in try ReadmeWalkthrough().blocks where block.info == "csv" {
      let text = block.lines.joined(separator: "\n") + "\n"
      if !inputs.contains(text) {
        Issue.record(
          "README.md:\(block.line): this CSV is not a file of Tests/HWCCLITests/Transcripts/")
      }
    }
  }
}
