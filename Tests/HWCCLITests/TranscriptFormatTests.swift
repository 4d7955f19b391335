import Testing

/// The transcript file format, the shell-like splitter of its command lines and the diff shown
/// when a step differs.
@Suite struct TranscriptFormatTests {
  static let sample = """
    # a comment

    $ hwc user add dauren --role officer@Kaztalov \\
        --as aigerim
    added user dauren: officer@Kaztalov

    $ hwc approve KAZ-2026-0002 --as aliya
    [stderr]
    hwc: refused
    [exit 1]

    $ hwc complaint list
    #16 is output, not a comment

    [stderr]
    progress
    [no newline at end]

    $ hwc check

    # the end

    """

  @Test func aTranscriptReadsAsStepsOfCommandOutputErrorAndExitStatus() throws {
    let steps = try Transcript.parse(Self.sample).steps
    #expect(steps.map(\.line) == [3, 7, 12, 19])
    #expect(steps[0].command == "hwc user add dauren --role officer@Kaztalov \\\n    --as aigerim")
    #expect(
      try steps[0].words() == [
        "hwc", "user", "add", "dauren", "--role", "officer@Kaztalov", "--as", "aigerim",
      ])
    #expect(steps[0].out == "added user dauren: officer@Kaztalov\n")
    #expect(steps[0].err == "" && steps[0].exit == 0)
    #expect(steps[1].out == "" && steps[1].err == "hwc: refused\n" && steps[1].exit == 1)
    #expect(steps[2].out == "#16 is output, not a comment\n\n")
    #expect(steps[2].err == "progress")
    #expect(steps[3].out == "" && steps[3].err == "" && steps[3].exit == 0)
  }

  @Test func aTranscriptIsWrittenBackAsItWasRead() throws {
    #expect(try Transcript.parse(Self.sample).rendered() == Self.sample)
  }

  @Test(arguments: [
    ("$ hwc check\nintact\n", "line 1: a step must end with one blank line"),
    ("hwc check\n", "line 1: expected `$ hwc …`, a `# comment` or a blank line: hwc check"),
  ])
  func aMalformedTranscriptIsRefusedWithItsLine(text: String, problem: String) {
    do {
      _ = try Transcript.parse(text)
      Issue.record("read without an error: \(text)")
    } catch {
      #expect("\(error)" == problem)
    }
  }

  @Test(arguments: [
    (#"hwc a "b c" d"#, [["hwc", "a", "b c", "d"]]),
    ("hwc a \\\n    b  # a comment\nhwc c", [["hwc", "a", "b"], ["hwc", "c"]]),
    (#"hwc --reason "say \"no\"" x\ y"#, [["hwc", "--reason", #"say "no""#, "x y"]]),
    ("# only a comment\n\nexport HWC_DB=district.sqlite", [["export", "HWC_DB=district.sqlite"]]),
    (#"hwc --x "" a#b"#, [["hwc", "--x", "", "a#b"]]),
  ])
  func commandLinesSplitAsAShellWouldSplitThem(text: String, commands: [[String]]) throws {
    #expect(try ShellWords.commands(text) == commands)
  }

  @Test(arguments: [
    "hwc a 'b'", "hwc a > out", "hwc $HOME", "hwc \"$HOME\"", "hwc \"open", "hwc *",
  ])
  func whatAShellWouldExpandIsRefused(text: String) {
    #expect(throws: ShellWords.Refusal.self) { try ShellWords.commands(text) }
  }

  @Test func aDifferenceIsShownAsALineDiffWithContext() {
    let diff = LineDiff.render(
      expected: "a\nb\nc\nd\ne\nf\ng\nh\n", actual: "a\nb\nc\nD\ne\nf\ng\nh\ni\n", context: 1)
    #expect(
      diff == """
        @@ expected line 3, actual line 3
          c
        - d
        + D
          e
        @@ expected line 8, actual line 8
          h
        + i

        """)
  }
}

/// The transcript comparison hides only anchor hashes.
@Suite struct TranscriptAnchorTests {
  @Test func anchorHashesAreHiddenAndNothingElse() {
    #expect(
      TranscriptRunner.anchorsHidden("Register anchor: 82:11af2e6dd3db865b (x 82:11af2e6dd3db865b)")
        == "Register anchor: 82:<hash> (x 82:<hash>)")
    #expect(
      TranscriptRunner.anchorsHidden("anchor,,,7:0123456789abcdef\n") == "anchor,,,7:<hash>\n")
    for untouched in [
      "at 09:30:00Z", "12:0123456789abcdefa", "x:0123456789abcdef", "12:0123456789ABCDEF",
      "budget:KAZ:2026", "12:0123456789abcde",
    ] {
      #expect(TranscriptRunner.anchorsHidden(untouched) == untouched)
    }
  }
}
