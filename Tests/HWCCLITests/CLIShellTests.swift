import Foundation
import HWCDomain
import HWCTestSupport
import Testing

@testable import HWCCLI

/// Shell completion (`hwc completion bash|zsh`) and the manual page (`hwc man`, `make man`),
/// both generated from the command declarations: every command and option is in them, the
/// scripts are accepted by their shells, and the page is plain roff (no groff needed to test it).
@Suite struct CLIShellTests {
  /// The commands help lists (the hidden `man` is not one).
  static let listed = CLI.commands.filter { !$0.traits.contains(.hidden) }

  /// Runs `shell -c script` (with the completion script in `file` sourced first) and returns
  /// what it printed; nil when the shell is not installed.
  static func shell(_ shell: String, _ file: String, _ script: String) throws -> Outcome? {
    guard
      let path = ["/bin/\(shell)", "/usr/bin/\(shell)"].first(where: {
        FileManager.default.isExecutableFile(atPath: $0)
      })
    else { return nil }
    let prelude = shell == "zsh" ? "compdef() { :; }\n" : ""
    return try ChildProcess.run(
      path, ["-c", prelude + "source \(ChildProcess.quoted(file))\n" + script])
  }

  /// Writes `hwc completion SHELL` to a file in `workspace` and returns its path.
  static func script(_ shell: String, in workspace: Workspace) throws -> String {
    let outcome = workspace.run(["completion", shell], environment: [:])
    #expect(outcome.code == 0 && outcome.err == "", "\(outcome)")
    return try workspace.write("completion.\(shell)", outcome.out)
  }

  /// Asks the script's functions for every command's options and next words, and checks them
  /// against the declarations.
  static func checkFunctions(_ shell: String) throws {
    let workspace = Workspace()
    let file = try script(shell, in: workspace)
    var probe = ""
    for spec in listed {
      let path = spec.path.joined(separator: " ")
      probe += "echo '@ \(path)'; _hwc_options '\(path)' | sed 's/:.*//'\n"
    }
    guard let outcome = try Self.shell(shell, file, probe) else {
      // The shell is not installed here: check the script's text instead.
      let text = try String(contentsOfFile: file, encoding: .utf8)
      for spec in listed {
        #expect(text.contains("'\(spec.path.joined(separator: " "))')"), "\(spec.path)")
      }
      return
    }
    #expect(outcome.code == 0, "\(outcome)")
    var offered: [String: [String]] = [:]
    var current = ""
    for line in outcome.out.split(separator: "\n").map(String.init) {
      if line.hasPrefix("@ ") {
        current = String(line.dropFirst(2))
        offered[current] = []
      } else {
        offered[current, default: []].append(line)
      }
    }
    for spec in listed {
      let path = spec.path.joined(separator: " ")
      #expect(offered[path] == spec.visibleOptions.map { "--\($0.name)" }, "\(shell): \(path)")
    }
  }

  @Test func theBashScriptIsValidAndCompletesEveryCommandAndOption() throws {
    let workspace = Workspace()
    let file = try Self.script("bash", in: workspace)
    let syntax = try #require(try Self.shell("bash", "/dev/null", "bash -n \(file)"))
    #expect(syntax.code == 0, "\(syntax)")
    try Self.checkFunctions("bash")
  }

  /// What bash offers after the words typed (the last one being completed).
  static let bashCases: [([String], [String])] = [
    (["hwc", "compl"], ["complaint", "completion"]),
    (["hwc", "complaint", ""], ["register", "import", "list", "show", "withdraw", "correct"]),
    (["hwc", "complaint", "list", "--status", ""], ComplaintStatus.allCases.map(\.rawValue)),
    (["hwc", "report", "quarterly", "--format", ""], ["text", "csv", "json"]),
    (["hwc", "report", "quarterly", "--lang", "r"], ["ru"]),
    (["hwc", "user", "add", "bob", "--role", "tr"], ["treasurer"]),
    (["hwc", "help", "audit", "v"], ["verify"]),
    (["hwc", "--db", "x.sqlite", "assess", "--p"], ["--pending", "--password-file"]),
    (["hwc", "completion", ""], ["bash", "zsh"]),
  ]

  @Test(arguments: bashCases)
  func bashOffersWhatTheDeclarationsKnow(words: [String], expected: [String]) throws {
    let workspace = Workspace()
    let file = try Self.script("bash", in: workspace)
    let quoted = words.map(ChildProcess.quoted).joined(separator: " ")
    let probe = """
      COMP_WORDS=(\(quoted)); COMP_CWORD=\(words.count - 1); COMPREPLY=(); _hwc
      printf '%s\\n' "${COMPREPLY[@]}"
      """
    let outcome = try #require(try Self.shell("bash", file, probe))
    #expect(outcome.code == 0, "\(outcome)")
    #expect(outcome.out.split(separator: "\n").map(String.init) == expected, "\(words)")
  }

  @Test func theZshScriptIsValidWhereZshIsAndNamesEveryCommand() throws {
    let workspace = Workspace()
    let file = try Self.script("zsh", in: workspace)
    let text = try String(contentsOfFile: file, encoding: .utf8)
    #expect(text.hasPrefix("#compdef hwc\n"))
    #expect(text.contains("compdef _hwc hwc"))
    if let syntax = try Self.shell("zsh", "/dev/null", "zsh -n \(file)") {
      #expect(syntax.code == 0, "\(syntax)")
    }
    try Self.checkFunctions("zsh")
  }

  @Test func anUnknownShellIsAUsageError() {
    let outcome = Workspace().run(["completion", "fish"], environment: [:])
    #expect(outcome.code == 2)
    #expect(outcome.out == "")
    #expect(outcome.errLines.first == "hwc: 'fish' is not a shell hwc completes (bash or zsh)")
  }

  @Test func theManPageHoldsEveryCommandAndOptionInPlainRoff() throws {
    let outcome = Workspace().run(["man"], environment: [:])
    #expect(outcome.code == 0 && outcome.err == "", "\(outcome)")
    let page = outcome.out
    let lines = page.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    #expect(lines.first?.hasPrefix(".TH HWC 1 ") == true)
    for section in [".SH NAME", ".SH SYNOPSIS", ".SH DESCRIPTION", ".SH \"EXIT STATUS\""] {
      #expect(lines.contains(section), "\(section)")
    }
    for spec in Self.listed {
      let heading = ".SS \"hwc \(spec.path.joined(separator: " "))\""
      let start = try #require(lines.firstIndex(of: heading), "\(heading)")
      let body = lines[(start + 1)...].prefix { !$0.hasPrefix(".SS ") && !$0.hasPrefix(".SH ") }
      for option in spec.visibleOptions {
        let name = "\\fB" + ManPage.escaped("--\(option.name)") + "\\fR"
        #expect(body.contains { $0.hasPrefix(name) }, "\(option.name) of \(spec.path)")
      }
    }
    #expect(!page.contains(".SS \"hwc man\""))
    // Plain roff: ASCII only, and every line that starts with a dot is a macro of man(7).
    let ascii = page.unicodeScalars.allSatisfy { $0.isASCII }
    #expect(ascii)
    let macros: Set<String> = [".TH", ".SH", ".SS", ".PP", ".TP", ".B", ".I", ".br"]
    for line in lines where line.hasPrefix(".") {
      let macro = String(line.prefix { $0 != " " })
      #expect(macros.contains(macro), "\(line)")
    }
  }
}
