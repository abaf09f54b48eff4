import BillcastReport
import Testing

/// GitHub renders `$…$` as mathematics: Markdown reports escape their dollar signs.
@Suite struct MarkdownTextTests {
  @Test func dollarsOutsideCodeAreEscaped() {
    #expect(MarkdownText.escapingDollars("| minimum | $2.52–$4.62 |") == "| minimum | \\$2.52–\\$4.62 |")
    // Already escaped stays as it is; code spans and fenced blocks show a backslash, so they are left alone.
    #expect(MarkdownText.escapingDollars("\\$5 and `$HOME`") == "\\$5 and `$HOME`")
    #expect(MarkdownText.escapingDollars("```sh\necho $PATH\n```\n$1") == "```sh\necho $PATH\n```\n\\$1")
    #expect(MarkdownText.escapingDollars("no money here\n") == "no money here\n")
  }
}

/// User text in Markdown reports (issue 24 item 13): nothing breaks out of its place.
@Suite struct MarkdownInjectionTests {
  @Test("HTML, links, images, code and table pipes in user text show as typed")
  func inlineEscapes() {
    #expect(MarkdownText.inline("</details><h1>Approved</h1>") == "\\</details\\>\\<h1\\>Approved\\</h1\\>")
    #expect(MarkdownText.inline("![x](http://e/i.png)") == "\\!\\[x\\](http\\://e/i.png)")
    #expect(MarkdownText.inline("[click](javascript:x)") == "[click\\](javascript:x)")
    #expect(MarkdownText.inline("a | b `c` *d* ~~e~~ &amp;") == "a \\| b \\`c\\` \\*d\\* \\~\\~e\\~\\~ \\&amp;")
    #expect(MarkdownText.inline("line\nbreak") == "line break")
    // Inside a word `_` is no emphasis on GitHub: left alone; at a word's edge it is escaped.
    #expect(MarkdownText.inline("page_views _x_") == "page_views \\_x\\_")
  }

  @Test("a code span cannot be closed by the backticks it holds")
  func codeSpans() {
    #expect(MarkdownText.code("a.yaml") == "`a.yaml`")
    #expect(MarkdownText.code("a`b") == "``a`b``")
    #expect(MarkdownText.code("`x``") == "``` `x`` ```")
  }
}
