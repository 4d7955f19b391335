/// A position in template source: 1-based line and column (in Unicode scalars).
struct TemplateLocation: Sendable, Equatable {
  let line: Int
  let column: Int
}

/// One token inside a `{{ }}` or `{% %}` tag.
struct TemplateToken: Sendable {
  /// What the token is.
  enum Kind: Sendable, Equatable {
    /// An identifier or keyword: `complaint`, `if`, `and`, `money`.
    case name(String)
    /// An integer literal, possibly negative.
    case integer(Int)
    /// A string literal with its escapes resolved.
    case string(String)
    /// Punctuation or an operator: `|` `,` `(` `)` `.` `==` `!=` `<` `<=` `>` `>=`.
    case symbol(String)
    /// The closing `}}` or `%}`; always the last token of a tag.
    case close(String)
  }

  let kind: Kind
  let location: TemplateLocation

  /// The token quoted as it appeared, for messages: `'x'`, `'"KZT"'`, `'%}'`.
  var quoted: String {
    switch kind {
    case .name(let text), .symbol(let text), .close(let text): "'\(text)'"
    case .integer(let number): "'\(number)'"
    case .string(let text): "'\"\(text)\"'"
    }
  }

  /// True when the token is the identifier `word`.
  func isName(_ word: String) -> Bool {
    kind == .name(word)
  }

  /// True when the token is the symbol `symbol`.
  func isSymbol(_ symbol: String) -> Bool {
    kind == .symbol(symbol)
  }
}

/// A stretch of template source as the lexer cuts it: text, a tag or a comment.
///
/// Text pieces never hold more than one newline, and only at their end, so that the lexer can
/// find lines that hold nothing but tags and drop them.
enum TemplatePiece: Sendable {
  /// Literal text, copied to the output.
  case text(String)
  /// A `{{ … }}` tag: its tokens (ending with `}}`) and where it starts.
  case output([TemplateToken], at: TemplateLocation)
  /// A `{% … %}` tag: its tokens (ending with `%}`) and where it starts.
  case block([TemplateToken], at: TemplateLocation)
  /// A `{# … #}` comment, which may span lines.
  case comment
}
