/// A line diff for failure messages: `-` expected, `+` actual, two lines of context, each hunk
/// headed by the line numbers where it starts.
enum LineDiff {
  /// One line of the diff, with the expected and actual line numbers (from 0) where it stands.
  private struct Edit {
    let mark: String
    let text: String
    let expectedLine: Int
    let actualLine: Int
  }

  static func render(expected: String, actual: String, context: Int = 2) -> String {
    let a = lines(expected)
    let b = lines(actual)
    // Longest common subsequence of a[i...] and b[j...].
    var common = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in stride(from: a.count - 1, through: 0, by: -1) {
      for j in stride(from: b.count - 1, through: 0, by: -1) {
        common[i][j] =
          a[i] == b[j] ? common[i + 1][j + 1] + 1 : max(common[i + 1][j], common[i][j + 1])
      }
    }
    var edits: [Edit] = []
    var i = 0
    var j = 0
    while i < a.count || j < b.count {
      if i < a.count, j < b.count, a[i] == b[j] {
        edits.append(Edit(mark: " ", text: a[i], expectedLine: i, actualLine: j))
        i += 1
        j += 1
      } else if i < a.count, j == b.count || common[i + 1][j] >= common[i][j + 1] {
        edits.append(Edit(mark: "-", text: a[i], expectedLine: i, actualLine: j))
        i += 1
      } else {
        edits.append(Edit(mark: "+", text: b[j], expectedLine: i, actualLine: j))
        j += 1
      }
    }
    // Hunks: each change with `context` lines around it, merged when they touch.
    var shown = Array(repeating: false, count: edits.count)
    for (index, edit) in edits.enumerated() where edit.mark != " " {
      for near in max(0, index - context)...min(edits.count - 1, index + context) {
        shown[near] = true
      }
    }
    var text = ""
    for (index, edit) in edits.enumerated() where shown[index] {
      if index == 0 || !shown[index - 1] {
        text += "@@ expected line \(edit.expectedLine + 1), actual line \(edit.actualLine + 1)\n"
      }
      text += edit.mark + " " + edit.text + "\n"
    }
    return text
  }

  /// Lines of a stream; a missing final line break is shown as its own line.
  private static func lines(_ text: String) -> [String] {
    guard !text.isEmpty else { return [] }
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if text.hasSuffix("\n") {
      lines.removeLast()
    } else {
      lines.append(Transcript.noNewlineMarker)
    }
    return lines
  }
}
