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
