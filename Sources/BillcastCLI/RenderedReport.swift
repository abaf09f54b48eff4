import BillcastReport

/// A report rendered in one format, with how it is written out.
///
/// A table is for people: it is rendered once the width it may take is known, fitted to a
/// terminal, its input text escaped and, on a terminal, coloured. Markdown has its input text
/// escaped. A document (JSON, CSV, HTML) is written byte for byte as rendered: JSON escapes its
/// strings itself, HTML shows them as text and CSV quotes them.
enum RenderedReport {
  /// A text table, rendered by `render` for the width in ``TerminalLayout/width``, coloured per
  /// `highlight` when colour is wanted.
  case table(highlight: Highlight = .totals, _ render: () -> String)
  /// Markdown, for a pull-request comment or a job summary.
  case markdown(String)
  /// A document for a program, a spreadsheet or a browser: JSON, CSV or HTML.
  case document(String)
}
