import BillcastCore
import BillcastPricing

/// Reads a bill (FOCUS or CUR, CSV, gzipped or not) one row at a time, in bounded memory.
///
/// Bad rows are recorded, located by file, line and column, and skipped, so that one pass finds
/// every error; ``finish()`` throws them all. A caller prints nothing until the reader finished
/// without errors.
public struct BillReader {
  /// The file read.
  public let path: String
  /// The export's format, from its header.
  public let format: BillFormat
  /// The rows read so far, good and bad.
  public private(set) var rowCount = 0
  private var csv: CSVRecords
  private let columns: BillColumns
  private let options: BillReadOptions
  private var problems: [Diagnostic] = []
  private var unreported = 0
  private var refusedCurrencies: Set<String> = []
  /// Tag texts already parsed: a bill writes the same few tag sets on row after row.
  private var tagSets: [String: [String: String]] = [:]
  /// The last date's first 10 characters that were a date, and its month (rows repeat their dates).
  var lastDate: (prefix: Substring, month: String)?

  /// Opens a bill and reads its header; a located error if it is not a FOCUS or CUR export.
  public init(path: String, options: BillReadOptions = BillReadOptions()) throws(DiagnosticError) {
    self.path = path
    self.options = options
    if let problem = InputFiles.confinementProblem(path) {
      throw DiagnosticError([Diagnostic(file: path, message: "cannot read the bill: \(problem)")])
    }
    InputFiles.record(path)
    var input = try ByteReader(path: path, kind: "bill", chunk: 1 << 20)
    input.captureLimit = max(options.maximumRowBytes, 1 << 20)
    var records = CSVRecords(input: input)
    guard try records.next() else {
      records.input.close()
      throw DiagnosticError([Diagnostic(file: path, line: 1, column: 1, message: "the bill is empty: it has no header")]
      )
    }
    var header = (0..<records.count).map { records.text($0) }
    // A UTF-8 byte-order mark before the first name is not part of it.
    if let first = header.first, first.hasPrefix("\u{FEFF}") { header[0] = String(first.dropFirst()) }
    guard let detected = BillFormat.detect(header) else {
      records.input.close()
      throw DiagnosticError([
        Diagnostic(
          file: path, line: 1, column: 1,
          message:
            "this is not a bill billcast reads: its header has neither FOCUS's BilledCost nor CUR's line_item_unblended_cost (FOCUS 1.0-1.2 and CUR CSV exports, gzipped or not, are read; convert Parquet to CSV first, docs/reconcile.md)"
        )
      ])
    }
    format = detected
    columns = BillColumns(header: header, format: detected)
    // A row with more fields than the header is refused by its count: keep one more than the header.
    records.fieldLimit = header.count + 1
    csv = records
    // Every problem of the header at once.
    var headerProblems: [String] = []
    if !columns.duplicates.isEmpty {
      headerProblems.append(
        "the header names \(columns.duplicates.joined(separator: ", ")) more than once: which column is meant is ambiguous"
      )
    }
    if !columns.missing.isEmpty {
      headerProblems.append(
        "the \(detected) header lacks \(columns.missing.count == 1 ? "a required column" : "required columns"): \(columns.missing.joined(separator: ", "))"
      )
    }
    if !headerProblems.isEmpty {
      records.input.close()
      throw DiagnosticError(headerProblems.map { Diagnostic(file: path, line: 1, column: 1, message: $0) })
    }
  }

  /// The next good row, or nil at the end of the file; bad rows are recorded and skipped.
  public mutating func next() throws(DiagnosticError) -> BillRow? {
    while try csv.next() {
      rowCount += 1
      if csv.count == 1 && csv.byteCount <= 2 && csv.text(0).isEmpty { continue }  // a blank line
      guard csv.count == columns.header.count else {
        problem("a row has \(csv.count) fields; the header has \(columns.header.count)", field: 0)
        continue
      }
      if let row = row() { return row }
    }
    return nil
  }

  /// Closes the file and throws every error found, if any.
  public func finish() throws(DiagnosticError) {
    csv.input.close()
    guard !problems.isEmpty else { return }
    var all = problems
    if unreported > 0 {
      all.append(
        Diagnostic(file: path, message: "\(unreported) more bad rows not listed (the first \(problems.count) are)"))
    }
    throw DiagnosticError(all)
  }

  /// Records an error at a field of the current row.
  mutating func problem(_ message: String, field: Int) {
    guard problems.count < options.maximumErrors else {
      unreported += 1
      return
    }
    let (line, column) = csv.location(ofField: field)
    problems.append(Diagnostic(file: path, line: line, column: column, message: message))
  }

  /// A field's text; nil for a null (an empty field, or an unquoted `NULL`).
  func value(_ field: BillColumns.Field) -> String? {
    guard let i = columns[field] else { return nil }
    let text = csv.text(i)
    if text.isEmpty || (!csv.isQuoted(i) && text == "NULL") { return nil }
    return text
  }

  /// A field's text, or empty for a null or a missing column.
  func text(_ field: BillColumns.Field) -> String { value(field) ?? "" }

  /// A number field: nil for a null; a recorded error (and `.failure`) for text that is not a number.
  mutating func number(_ field: BillColumns.Field) -> Result<ExactDecimal?, BillRowError> {
    guard let text = value(field) else { return .success(nil) }
    if let n = BillNumber.parse(text) { return .success(n) }
    problem(
      "\(columns.header[columns[field]!]): '\(TerminalText.excerpt(text, limit: 60))' is not a number",
      field: columns[field]!)
    return .failure(BillRowError())
  }

  /// The column of a field (it exists: the caller read it).
  func column(_ field: BillColumns.Field) -> Int { columns[field] ?? 0 }

  /// The header's columns, for the row builder.
  var header: BillColumns { columns }

  /// The currencies refused so far (each reported once).
  func refused(_ currency: String) -> Bool { refusedCurrencies.contains(currency) }

  /// Notes a currency as refused.
  mutating func refuse(_ currency: String) { refusedCurrencies.insert(currency) }

  /// The read options.
  var readOptions: BillReadOptions { options }

  /// The current record's byte offset is not kept; its line is.
  var line: Int { csv.line }
}

extension BillReader {
  /// A column's text by index (legacy CUR's tag columns).
  func csvText(_ i: Int) -> String { csv.text(i) }
}

extension BillReader {
  /// A tag column's text parsed, from the texts already seen when it is one (at most 1,024 kept).
  mutating func parsedTags(_ text: String) -> [String: String]? {
    if let known = tagSets[text] { return known }
    guard let tags = BillTags.parse(text) else { return nil }
    if tagSets.count < 1024 { tagSets[text] = tags }
    return tags
  }
}
