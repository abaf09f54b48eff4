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
}
