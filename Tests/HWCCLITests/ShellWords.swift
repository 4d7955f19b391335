/// Splits command lines into words as a POSIX shell would for the plain lines of a transcript or
/// of the README, without running a shell.
///
/// Blanks separate words, double quotes group (inside them `\"`, `\\`, `\$` and `` \` `` are
/// escapes), a backslash outside quotes takes the next character literally, a backslash before a
/// line break joins the two lines, a line break ends a command, and `#` at the start of a word
/// begins a comment that runs to the end of the line. A character a shell would expand or treat
/// as an operator (`' $ ` | & ; < > ( ) * ? [ ]`) is refused unless it is quoted, so the words
/// are exactly what a shell would pass to `hwc`.
enum ShellWords {
  /// A command line this splitter will not guess at.
  struct Refusal: Error, CustomStringConvertible {
    let description: String
  }

  /// The characters a shell would expand or treat as an operator outside quotes.
  static let special: Set<Character> = [
    "'", "$", "`", "|", "&", ";", "<", ">", "(", ")", "*", "?", "[", "]",
  ]

  /// The words of exactly one command (continuation lines allowed).
  static func split(_ text: String) throws -> [String] {
    let commands = try self.commands(text)
    guard commands.count == 1 else {
      throw Refusal(description: "expected one command, found \(commands.count): \(text)")
    }
    return commands[0]
  }

  /// The commands of a block of lines, each as its words; blank and comment lines give none.
  static func commands(_ text: String) throws -> [[String]] {
    let characters = Array(text)
    var commands: [[String]] = []
    var words: [String] = []
    var word = ""
    var inWord = false
    var quoted = false
    var index = 0
    func endWord() {
      if inWord { words.append(word) }
      word = ""
      inWord = false
    }
    func endCommand() {
      endWord()
      if !words.isEmpty { commands.append(words) }
      words = []
    }
    while index < characters.count {
      let character = characters[index]
      let next = index + 1 < characters.count ? characters[index + 1] : nil
      if quoted {
        switch character {
        case "\"":
          quoted = false
        case "\\" where next.map { "\"\\$`\n".contains($0) } ?? false:
          index += 1
          if next != "\n" { word.append(characters[index]) }
        case "$", "`":
          throw Refusal(
            description: "`\(character)` inside double quotes would be expanded: \(text)")
        default:
          word.append(character)
        }
      } else {
        switch character {
        case " ", "\t":
          endWord()
        case "\n":
          endCommand()
        case "\"":
          quoted = true
          inWord = true
        case "\\":
          guard let next else { throw Refusal(description: "a backslash ends the text: \(text)") }
          index += 1
          if next != "\n" {
            word.append(next)
            inWord = true
          }
        case "#" where !inWord:
          while index + 1 < characters.count, characters[index + 1] != "\n" { index += 1 }
        default:
          if special.contains(character) {
            throw Refusal(
              description:
                "`\(character)` means something to a shell; put it in double quotes: \(text)"
            )
          }
          word.append(character)
          inWord = true
        }
      }
      index += 1
    }
    if quoted { throw Refusal(description: "a double quote is not closed: \(text)") }
    endCommand()
    return commands
  }
}
