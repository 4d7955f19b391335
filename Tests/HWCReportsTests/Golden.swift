import Foundation
import Testing

/// Golden files: `Tests/HWCReportsTests/Golden/NAME`. A test compares what it rendered with the
/// file; with `RECORD_GOLDEN=1` in the environment it writes the file instead (review the diff).
enum Golden {
  static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Golden")

  static var recording: Bool { ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" }

  /// Checks `text` against golden file `name` (or records it).
  static func check(
    _ text: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let url = directory.appendingPathComponent(name)
    if recording {
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
      try Data(text.utf8).write(to: url)
      return
    }
    guard let data = FileManager.default.contents(atPath: url.path) else {
      let message = "golden file \(name) is missing; run RECORD_GOLDEN=1 make test and review it"
      Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
      return
    }
    let expected = String(decoding: data, as: UTF8.self)
    if expected != text {
      let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
      let b = text.split(separator: "\n", omittingEmptySubsequences: false)
      let line = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
      let want = line < a.count ? String(a[line]) : "<end>"
      let got = line < b.count ? String(b[line]) : "<end>"
      let message =
        "\(name) differs from its golden file at line \(line + 1):\n  golden: \(want)\n"
        + "  now:    \(got)\n(RECORD_GOLDEN=1 make test rewrites it; review the diff)"
      Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
    }
  }
}
