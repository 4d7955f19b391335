/// Shell completion scripts for bash and zsh, generated from the command declarations
/// (`hwc completion bash|zsh`): command words, each command's options, and the values an option
/// or argument takes where its declaration knows them (a list, a file or a folder).
enum Completion {
  /// The commands completion offers.
  static var specs: [CommandSpec] { CLI.commands.filter(\.listed) }

  /// The words that may follow `prefix` (empty: the first word), with the abstract of the
  /// command each leads to (or of the group, for a word with several commands under it).
  static func children(_ prefix: [String]) -> [(word: String, help: String)] {
    var result: [(String, String)] = []
    for spec in specs where spec.path.count > prefix.count && spec.path.starts(with: prefix) {
      let word = spec.path[prefix.count]
      guard !result.contains(where: { $0.0 == word }) else { continue }
      let single = spec.path.count == prefix.count + 1
      result.append((word, single ? spec.abstract : "\(word) commands"))
    }
    return result
  }

  /// Every prefix that has words after it: the empty one and each group.
  static var prefixes: [[String]] {
    var result: [[String]] = [[]]
    for spec in specs {
      for length in 1..<max(1, spec.path.count) where !result.contains(Array(spec.path[..<length]))
      {
        result.append(Array(spec.path[..<length]))
      }
    }
    return result
  }

  /// What completes the value of `option`: `@flag` (it takes none), `@file`, `@dir`, the words
  /// it takes, or nil (any text).
  static func value(of option: OptionSpec) -> String? {
    if option.value == nil { return "@flag" }
    if option.value == "DIR" { return "@dir" }
    if option.takesPath { return "@file" }
    return option.choices.isEmpty ? nil : option.choices.joined(separator: " ")
  }

  /// What completes a command's first positional argument, as `value(of:)` says it.
  static func argument(of spec: CommandSpec) -> String? {
    guard let argument = spec.arguments.first else { return nil }
    if !argument.choices.isEmpty { return argument.choices.joined(separator: " ") }
    return argument.name.hasPrefix("FILE") ? "@file" : nil
  }

  /// `case` arms for a shell function, one per key with a value; `quote` writes a shell word.
  static func arms(_ entries: [(String, String)]) -> String {
    entries.map { "    \(shellQuoted($0.0))) printf '%s\\n' \(shellQuoted($0.1)) ;;" }
      .joined(separator: "\n")
  }

  /// `text` in single quotes for bash and zsh.
  static func shellQuoted(_ text: String) -> String {
    "'" + text.replacingOccurrences("'", "'\\''") + "'"
  }

  /// The shell functions both scripts share: `_hwc_words PREFIX` (the next words, one per line,
  /// as `word:help`), `_hwc_options COMMAND` (`--name:help` per line), `_hwc_value COMMAND
  /// OPTION` and `_hwc_argument COMMAND` (see `value(of:)`).
  static var functions: String {
    let words = prefixes.map { prefix in
      (
        prefix.joined(separator: " "),
        children(prefix).map { "\($0.word):\($0.help)" }.joined(separator: "\n")
      )
    }
    let options = specs.map { spec in
      (
        spec.path.joined(separator: " "),
        spec.visibleOptions.map { "--\($0.name):\($0.help)" }.joined(separator: "\n")
      )
    }
    var values: [(String, String)] = []
    for spec in specs {
      for option in spec.visibleOptions {
        if let value = value(of: option) {
          values.append(("\(spec.path.joined(separator: " ")) --\(option.name)", value))
        }
      }
    }
    let arguments = specs.compactMap { spec in
      argument(of: spec).map { (spec.path.joined(separator: " "), $0) }
    }
    return """
      _hwc_words() {
        case "$1" in
      \(arms(words))
        esac
      }

      _hwc_options() {
        case "$1" in
      \(arms(options))
        esac
      }

      _hwc_value() {
        case "$1 $2" in
      \(arms(values))
        esac
      }

      _hwc_argument() {
        case "$1" in
      \(arms(arguments))
        esac
      }

      # The command words typed so far (in $_hwc_cmd) and, after `hwc help`, the words of the
      # command asked about (in $_hwc_topic); options and their values are skipped.
      _hwc_scan() {
        local word known
        _hwc_cmd=""
        _hwc_topic=""
        for word in "$@"; do
          case "$word" in -*) continue ;; esac
          if [ "$_hwc_cmd" = help ]; then
            known=" $(_hwc_words "$_hwc_topic" | sed 's/:.*//' | tr '\\n' ' ') "
            case "$known" in *" $word "*) _hwc_topic="${_hwc_topic:+$_hwc_topic }$word" ;; esac
            continue
          fi
          known=" $(_hwc_words "$_hwc_cmd" | sed 's/:.*//' | tr '\\n' ' ') "
          case "$known" in *" $word "*) _hwc_cmd="${_hwc_cmd:+$_hwc_cmd }$word" ;; esac
        done
      }

      # What completes the word CUR after PREV, once _hwc_scan has run: a first line saying how
      # (commands, options or values, listed after it as `word:help` or `word`; file; dir; none).
      _hwc_what() {
        local value
        if [ "$_hwc_cmd" = help ]; then
          echo commands
          _hwc_words "$_hwc_topic"
          return
        fi
        case "$2" in
          --*)
            value="$(_hwc_value "$_hwc_cmd" "$2")"
            case "$value" in
              @flag) ;;
              @file) echo file; return ;;
              @dir) echo dir; return ;;
              '') echo none; return ;;
              *) echo values; echo "$value" | tr ' ' '\n'; return ;;
            esac ;;
        esac
        case "$1" in -*) echo options; _hwc_options "$_hwc_cmd"; return ;; esac
        value="$(_hwc_words "$_hwc_cmd")"
        if [ -n "$value" ]; then
          echo commands
          echo "$value"
          return
        fi
        value="$(_hwc_argument "$_hwc_cmd")"
        case "$value" in
          @file) echo file ;;
          '') echo none ;;
          *) echo values; echo "$value" | tr ' ' '\n' ;;
        esac
      }
      """
  }

  /// The bash script: `source <(hwc completion bash)`, or saved as
  /// `~/.local/share/bash-completion/completions/hwc`.
  static var bash: String {
    """
    # bash completion for hwc \(Version.number), generated by `hwc completion bash` from the
    # command declarations. Install: hwc completion bash > ~/.local/share/bash-completion/completions/hwc
    # (or add `source <(hwc completion bash)` to ~/.bashrc).

    \(functions)

    _hwc() {
      local cur="${COMP_WORDS[COMP_CWORD]}" prev="" what
      [ "$COMP_CWORD" -gt 1 ] && prev="${COMP_WORDS[COMP_CWORD-1]}"
      _hwc_scan "${COMP_WORDS[@]:1:COMP_CWORD-1}"
      what="$(_hwc_what "$cur" "$prev")"
      case "${what%%$'\n'*}" in
        file) COMPREPLY=($(compgen -f -- "$cur")) ;;
        dir) COMPREPLY=($(compgen -d -- "$cur")) ;;
        none) COMPREPLY=() ;;
        *) COMPREPLY=($(compgen -W "$(echo "$what" | sed '1d; s/:.*//')" -- "$cur")) ;;
      esac
    }

    complete -o bashdefault -o default -F _hwc hwc

    """
  }

  /// The zsh script: saved as `_hwc` in a folder of `$fpath`, or `source <(hwc completion zsh)`
  /// after `compinit`.
  static var zsh: String {
    """
    #compdef hwc
    # zsh completion for hwc \(Version.number), generated by `hwc completion zsh` from the
    # command declarations. Install: hwc completion zsh > "${fpath[1]}/_hwc" (then restart zsh),
    # or add `source <(hwc completion zsh)` to ~/.zshrc after compinit.

    \(functions)

    _hwc() {
      local what line
      local -a items described
      _hwc_scan "${(@)words[2,CURRENT-1]}"
      what="$(_hwc_what "${words[CURRENT]}" "${words[CURRENT-1]}")"
      items=("${(@f)what}")
      for line in "${(@)items[2,-1]}"; do
        described+=("${line%%:*}:${${line#*:}//:/\\:}")
      done
      case "${items[1]}" in
        file) _files ;;
        dir) _files -/ ;;
        none) _message 'a value' ;;
        values) compadd -- "${(@)items[2,-1]}" ;;
        options) _describe -t options 'option' described ;;
        commands) _describe -t commands 'command' described ;;
      esac
    }

    if [ "${funcstack[1]}" = _hwc ]; then
      _hwc "$@"
    else
      compdef _hwc hwc
    fi

    """
  }
}
