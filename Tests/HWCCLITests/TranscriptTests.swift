import Foundation
import Testing

/// Golden CLI transcripts: every command of every file in `Transcripts/` run in order on a fresh
/// register, its standard output, standard error and exit status compared exactly.
@Suite struct TranscriptTests {
  /// At most this many differing steps are reported; the rest are counted.
  static let reportedDifferences = 10

  @Test(arguments: Transcripts.names())
  func everyStepPrintsWhatItsTranscriptSays(name: String) throws {
    let transcript = try Transcripts.load(name)
    #expect(!transcript.steps.isEmpty, "\(name) has no steps")
    let outcomes = try TranscriptRunner.run(transcript)
    if Transcripts.recording {
      try TranscriptRunner.record(transcript, outcomes, to: Transcripts.url(name))
      return
    }
    let differences = zip(transcript.steps, outcomes).compactMap {
      TranscriptRunner.difference($0, $1, file: name)
    }
    for message in differences.prefix(Self.reportedDifferences) {
      Issue.record(Comment(rawValue: message))
    }
    if differences.count > Self.reportedDifferences {
      Issue.record("\(name): \(differences.count - Self.reportedDifferences) more steps differ")
    }
  }

  @Test func theTranscriptsFolderHoldsTheWalkthroughAndItsFiles() {
    #expect(Transcripts.names().contains(Transcripts.walkthrough))
    for name in ["field-forms.csv", "field-forms-fixed.csv", "inspections.csv"] {
      #expect(Transcripts.inputs().contains(name), "\(name)")
    }
  }
}
