/// Markdown that renders as written on GitHub and other CommonMark sites.
package enum MarkdownText {
  /// `text` with each `$` outside code escaped as `\$`.
  ///
  /// GitHub renders text between two dollar signs as mathematics, so `$2.52–$4.62` would lose
  /// its figures; `\$` is a literal dollar sign in CommonMark. Code spans and fenced blocks are
  /// left alone, since a backslash there would show.
  package static func escapingDollars(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count + text.utf8.count / 16)
    var fenced = false
    for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      if index > 0 { out += "\n" }
      if line.drop(while: { $0 == " " }).hasPrefix("```") {
        fenced.toggle()
        out += line
        continue
      }
      if fenced {
        out += line
        continue
      }
      var inCode = false
      var previous: Character = " "
      for character in line {
        if character == "`" { inCode.toggle() }
        if character == "$" && !inCode && previous != "\\" { out += "\\" }
        out.append(character)
        previous = character
      }
    }
    return out
  }

  /// Characters that start or end Markdown or HTML inline constructs wherever they stand:
  /// emphasis, code, raw HTML and entities, strike-through, table cells.
  static let inlineSpecials: Set<Character> = ["\\", "`", "*", "<", ">", "&", "|", "~"]

  /// Text from a profile, a template or a file name, as literal Markdown: line feeds become
  /// spaces (other control characters are escaped for the terminal later), and each character that could start a construct is backslash-escaped (CommonMark
  /// shows `\<` as `<`), so `</details><h1>Approved</h1>`, links, images and autolinks show as
  /// typed. To keep text readable, `_` is escaped only at a word's edge (GitHub reads no emphasis
  /// inside a word), `]` only before `(`, `[` or `:`, `!` only before `[`, and `:` only in `://`.
  package static func inline(_ text: String) -> String {
    let characters = Array(text)
    var out = ""
    out.reserveCapacity(text.utf8.count + 8)
    for (i, character) in characters.enumerated() {
      if character == "\n" {
        out.append(" ")
        continue
      }
      let previous = i > 0 ? characters[i - 1] : " ", next = i + 1 < characters.count ? characters[i + 1] : " "
      let escape: Bool
      switch character {
      case "_": escape = !(previous.isLetter || previous.isNumber) || !(next.isLetter || next.isNumber)
      case "]": escape = next == "(" || next == "[" || next == ":"
      case "!": escape = next == "["
      case ":": escape = next == "/"
      case "[": escape = previous == "!" || next == "^"
      default: escape = inlineSpecials.contains(character)
      }
      if escape { out.append("\\") }
      out.append(character)
    }
    return out
  }

  /// Text as an inline code span that no backtick in it can close: the fence is one backtick
  /// longer than the longest run inside, with spaces inside when the text touches a backtick.
  package static func code(_ text: String) -> String {
    let flat = text.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: " ")
    var longest = 0, run = 0
    for character in flat {
      run = character == "`" ? run + 1 : 0
      longest = max(longest, run)
    }
    let fence = String(repeating: "`", count: longest + 1)
    let pad = flat.hasPrefix("`") || flat.hasSuffix("`") ? " " : ""
    return fence + pad + flat + pad + fence
  }
}
