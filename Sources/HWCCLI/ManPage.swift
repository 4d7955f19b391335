/// The manual page `hwc.1` (roff, `man` macros), generated from the command declarations by the
/// hidden `hwc man` (`make man` writes it to `.build/man/hwc.1`).
enum ManPage {
  /// The whole page.
  static var text: String {
    var page = [
      ".TH HWC 1 \"\" \"hwc \(Version.number)\" \"User Commands\"",
      ".SH NAME",
      "hwc \\- human\\(enwildlife conflict complaint and compensation register",
      ".SH SYNOPSIS",
      ".B hwc",
      ".I COMMAND",
      "[\\fIOPTIONS\\fR]",
      ".br",
      ".B hwc help",
      "[\\fICOMMAND\\fR]",
      ".br",
      ".B hwc \\-\\-version",
      ".SH DESCRIPTION",
      escaped(
        "hwc is an offline register of complaints about losses to wildlife and of the "
          + "compensation paid for them: one executable, one SQLite file per office. Every "
          + "change names the person who made it and is appended to a hash chain."),
      ".PP",
      escaped(
        "The register file is --db PATH, else $HWC_DB, else ./hwc.sqlite. A command that "
          + "changes the register names its actor with --as USER (or $HWC_USER) and proves it "
          + "with the actor's passphrase (asked on a terminal, or --password-file FILE, where - "
          + "reads standard input) or session (hwc login). Every command has --help."),
    ]
    for (topic, words) in Help.grouped(Completion.specs) {
      page.append(".SH \"\(escaped(topic.uppercased()))\"")
      for spec in Completion.specs where words.contains(spec.path[0]) {
        page += section(spec)
      }
    }
    page += [
      ".SH \"EXIT STATUS\"",
      ".TP", "0", "done",
      ".TP", "1", "refused or invalid input; nothing was written",
      ".TP", "2", "usage error: the command line does not fit the command; its usage follows",
      ".SH ENVIRONMENT",
      ".TP", ".B HWC_DB", "the register file when --db is not given",
      ".TP", ".B HWC_USER", "the actor when --as is not given",
      ".TP", ".B HWC_PASSWORD_FILE",
      "the actor's passphrase file when --password-file is not given",
      ".TP", ".B HWC_TEMPLATES", "a folder of report templates used before the shipped ones",
      ".SH FILES",
      ".TP", ".I ~/.hwc/sessions/", "the sessions started by hwc login, one file per register",
      ".SH \"SEE ALSO\"",
      escaped(
        "The README of hwc; hwc completion bash|zsh prints a shell completion script."),
    ]
    return page.joined(separator: "\n") + "\n"
  }

  /// One command: its name, abstract, usage, discussion, arguments and options.
  static func section(_ spec: CommandSpec) -> [String] {
    var lines = [
      ".SS \"hwc \(spec.path.joined(separator: " "))\"",
      escaped(spec.abstract),
      ".PP",
      "\\fB" + escaped(spec.usage) + "\\fR",
    ]
    if !spec.discussion.isEmpty {
      lines += [".PP"] + spec.discussion.split(separator: "\n").map { escaped(String($0)) }
    }
    for argument in spec.arguments {
      lines += [".TP", ".I " + escaped(argument.name), escaped(argument.help)]
    }
    for option in spec.visibleOptions {
      var help = option.help
      if option.required { help += " (required)" }
      if option.repeating { help += " (repeatable)" }
      let value = option.value.map { " \\fI" + escaped($0) + "\\fR" } ?? ""
      lines += [".TP", "\\fB\\-\\-" + escaped(option.name) + "\\fR" + value, escaped(help)]
    }
    return lines
  }

  /// `text` safe as roff input: a backslash written as `\e`, a dash as `\-` (so that options
  /// copy and paste as typed), a character beyond ASCII as `\[uXXXX]` (troff reads bytes), and
  /// a line that would start with a control character protected.
  static func escaped(_ text: String) -> String {
    var body = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\\": body += "\\e"
      case "-": body += "\\-"
      case _ where !scalar.isASCII:
        let hex = String(scalar.value, radix: 16, uppercase: true)
        body += "\\[u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + "]"
      default: body.unicodeScalars.append(scalar)
      }
    }
    return body.hasPrefix(".") || body.hasPrefix("'") ? "\\&" + body : body
  }
}
