import BillcastBill
import BillcastCore
import Testing

/// Bills written to break the reader: each is read or refused with a located error, never a trap,
/// a hang or memory that grows with the hostile part.
@Suite struct HostileBillTests {
  /// The smallest FOCUS header billcast reads, and a good row of it (line 2 when first).
  static let header = "BilledCost,ChargeCategory,BillingCurrency,ChargePeriodStart,ServiceName,PricingQuantity\n"
  static let row = "1.5,Usage,USD,2026-09-01T00:00:00Z,AWS Lambda,10\n"

  /// Every row of a bill written to a file, or its errors as printed (the path as `bill.csv`).
  static func read(_ text: String, options: BillReadOptions = BillReadOptions()) -> ([BillRow], [String]) {
    let file = BillFile(text)
    var rows: [BillRow] = []
    do throws(DiagnosticError) {
      var reader = try BillReader(path: file.path, options: options)
      while let row = try reader.next() { rows.append(row) }
      try reader.finish()
      return (rows, [])
    } catch {
      return (rows, error.diagnostics.map { $0.description.replacingOccurrences(of: file.path, with: "bill.csv") })
    }
  }

  @Test func aHeaderNamingAColumnTwiceIsAmbiguous() {
    let text = "BilledCost,ChargeCategory,BillingCurrency,ChargePeriodStart,ServiceName,BilledCost\n" + Self.row
    #expect(
      Self.read(text).1 == [
        "bill.csv:1:1: error: the header names BilledCost more than once: which column is meant is ambiguous"
      ])
    // A column billcast does not read may repeat.
    let unread = Self.header.dropLast() + ",x_Note,x_Note\n" + Self.row.dropLast() + ",a,b\n"
    #expect(Self.read(String(unread)).0.count == 1)
  }

  @Test func aHeaderAloneHasNoRowsAndNoError() {
    let (rows, errors) = Self.read(Self.header)
    #expect(rows.isEmpty && errors.isEmpty)
  }

  @Test func crlfLineEndingsAreNotPartOfTheLastField() {
    // The last field is PricingQuantity: "10\r" would not be a number. Line 3's cost "x" is column 1.
    let text = (Self.header + Self.row + "x" + Self.row.dropFirst(3)).replacingOccurrences(of: "\n", with: "\r\n")
    let (rows, errors) = Self.read(text)
    #expect(rows.count == 1 && rows[0].quantity == 10 && rows[0].line == 2)
    #expect(errors == ["bill.csv:3:1: error: BilledCost: 'x' is not a number"])
  }

  @Test func aQuotedFieldWithLineBreaksKeepsLaterLinesRight() {
    // Line 2's ServiceName spans lines 2-4; the next row starts on line 5, its cost "?" at column 1,
    // and the row after it on line 6 has a bad quantity "q" at column 47 (after "1.5,Usage,USD,2026-09-01T00:00:00Z,AWS Lambda,").
    let text =
      Self.header + "1.5,Usage,USD,2026-09-01T00:00:00Z,\"AWS\nLam\r\nbda\",10\n" + "?" + Self.row.dropFirst(3)
      + Self.row.dropLast(3) + "q\n"
    let (rows, errors) = Self.read(text)
    #expect(rows.count == 1 && rows[0].serviceName == "AWS\nLam\r\nbda" && rows[0].line == 2)
    #expect(
      errors == [
        "bill.csv:5:1: error: BilledCost: '?' is not a number",
        "bill.csv:6:47: error: PricingQuantity: 'q' is not a number",
      ])
  }

  @Test func aRowOfAMillionColumnsIsRefusedByItsCount() {
    // 999,999 commas: 1,000,000 fields against the header's 6.
    let text = Self.header + String(repeating: ",", count: 999_999) + "\n" + Self.row
    let (rows, errors) = Self.read(text)
    #expect(rows.count == 1 && rows[0].line == 3)
    #expect(errors == ["bill.csv:2:1: error: a row has 1000000 fields; the header has 6"])
  }

  @Test func megabytesWithoutALineBreakStopAtTheRowLimit() {
    // 2 MB of "0" after the header: one value larger than the 1 MB a row may have.
    let (rows, errors) = Self.read(Self.header + String(repeating: "0", count: 2 << 20))
    #expect(rows.isEmpty)
    #expect(errors == ["bill.csv:2:1: error: one value is larger than 1 MB; this is not a bill billcast can read"])
  }

  @Test func extremeNumbersAreReadExactlyOrRefused() {
    func cost(_ text: String) -> ([BillRow], [String]) { Self.read(Self.header + text + Self.row.dropFirst(3)) }
    #expect(cost("-0").0.first?.billedCost == .zero)
    // 1E-30 has 30 fractional digits; rounded half up to 18, it is 0.
    #expect(cost("1E-30").0.first?.billedCost == .zero)
    // 999,999,999,999,999 is the largest whole number within the parse limit (10^15).
    #expect(cost("999999999999999").0.first?.billedCost == ExactDecimal("999999999999999")!)
    #expect(cost("1e999999").1 == ["bill.csv:2:1: error: BilledCost: '1e999999' is not a number"])
    #expect(cost("1000000000000001").1 == ["bill.csv:2:1: error: BilledCost: '1000000000000001' is not a number"])
    #expect(cost("1\u{0}").1 == ["bill.csv:2:1: error: BilledCost: '1\\u{0}' is not a number"])
  }

  @Test func aByteOrderMarkIsNotPartOfTheFirstName() {
    let (rows, errors) = Self.read("\u{FEFF}" + Self.header + Self.row)
    #expect(errors.isEmpty && rows.count == 1 && rows[0].billedCost == ExactDecimal("1.5")!)
  }

  @Test func tagKeysNormaliseTheSameOnTheASCIIPath() {
    // The ASCII fast path and Unicode's lower case give one form: `resourceTags/`, then `user:` or
    // `user_`, dropped (in that order only); each run of other than a-z0-9 one `_`, none leading.
    #expect(BillTags.normalised("resourceTags/user:App") == "app")
    #expect(BillTags.normalised("aws:cloudformation:logical-id") == "aws_cloudformation_logical_id")
    #expect(BillTags.normalised("__X__y--") == "x_y")
    #expect(BillTags.normalised("USER_") == "")
    #expect(BillTags.normalised("user:resourceTags/a") == "resourcetags_a")
    // The Kelvin sign (U+212A) is not ASCII; its lower case is "k".
    #expect(BillTags.normalised("\u{212A}ey") == "key")
    #expect(BillTags.normalised("Caf\u{E9} Key") == "caf_key")
  }

  @Test func supportIsFoundInTheServiceCodeAndNameAsIfJoined() {
    // "CODE NAME" starting with AWSSupport or containing "AWS Support", the space included.
    let header = Self.header.dropLast() + ",x_ServiceCode\n"
    func kind(_ code: String, _ name: String) -> BillChargeKind? {
      Self.read(header + "1.5,Usage,USD,2026-09-01T00:00:00Z,\(name),10,\(code)\n").0.first?.kind
    }
    #expect(kind("AWSSupportBusiness", "x") == .support)
    #expect(kind("x", "AWS Support (Business)") == .support)
    #expect(kind("AWS", "Support") == .support)
    #expect(kind("AWS", "Supported") == .support)
    #expect(kind("AWS ", "Support") == .usage)
    #expect(kind("AWSLambda", "AWS Lambda") == .usage)
  }
}
