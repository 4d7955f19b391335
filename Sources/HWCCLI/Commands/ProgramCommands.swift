import HWCCore

/// `hwc help`, `hwc version` (`hwc --version`), `hwc completion` and the hidden `hwc man`: the
/// commands about hwc itself, all generated from the command declarations.
enum ProgramCommands {
  static let specs = [help, version, completion, man]

  static let help = CommandSpec(
    ["help"], abstract: "Show the commands by topic, or the help of one command or group",
    discussion: "hwc help COMMAND prints the same as hwc COMMAND --help.",
    arguments: [
      ArgumentSpec("COMMAND", "a command or group, e.g. complaint", required: false),
      ArgumentSpec("SUBCOMMAND", "a command of the group, e.g. register", required: false),
    ],
    traits: []
  ) { invocation in
    switch try CommandLookup.resolve(invocation.arguments, in: CLI.commands) {
    case .command(let spec): invocation.console.print(Help.command(spec))
    case .group(let group): invocation.console.print(Help.group(group, specs: CLI.commands))
    }
    return 0
  }

  static let version = CommandSpec(
    ["version"], abstract: "Print hwc's version and the schema version it writes (also --version)",
    discussion: """
      The schema version is the latest migration this hwc ships: hwc init upgrades a register
      to it, and hwc refuses a register made by a newer one.
      """,
    traits: [.json]
  ) { invocation in
    if invocation.json {
      invocation.console.print(
        JSON.object([
          ("hwc", .string(Version.number)), ("schema", .int(Version.schema.number)),
          ("migration", .string(Version.schema.name)),
        ]))
    } else {
      invocation.console.print(Version.text)
    }
    return 0
  }

  static let completion = CommandSpec(
    ["completion"], abstract: "Print a shell completion script for bash or zsh",
    discussion: """
      The script completes command words, each command's options, and the values an option
      takes where hwc knows them (statuses, roles, formats, languages, files). Install for bash:
      hwc completion bash > ~/.local/share/bash-completion/completions/hwc; for zsh:
      hwc completion zsh > "${fpath[1]}/_hwc". Or load it in the shell's startup file with
      source <(hwc completion bash) (zsh: after compinit).
      """,
    arguments: [ArgumentSpec("SHELL", "bash or zsh", choices: ["bash", "zsh"])],
    traits: []
  ) { invocation in
    switch invocation.argument(0) {
    case "bash": invocation.console.print(Completion.bash)
    case "zsh": invocation.console.print(Completion.zsh)
    default:
      throw UsageError(
        "'\(invocation.argument(0) ?? "")' is not a shell hwc completes (bash or zsh)",
        spec: invocation.spec)
    }
    return 0
  }

  static let man = CommandSpec(
    ["man"], abstract: "Print hwc's manual page (roff) for make man",
    discussion: "make man writes it to .build/man/hwc.1; read it with man -l .build/man/hwc.1.",
    traits: [.hidden]
  ) { invocation in
    invocation.console.print(ManPage.text)
    return 0
  }
}
