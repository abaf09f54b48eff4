import BillcastCore

/// The rules a source's grade must keep (docs/pricing-format.md, "Sources and grades").
///
/// Mechanical by design: each rule reads only the source's `url`, `read`, `grade` and `note`.
/// A PL source names a file of AWS's data and is dated by that file's publication, which the
/// note or address states; a note saying the data was not fetched (or not read directly)
/// contradicts PL, and such a source may not carry an AWS address as if it had been read.
package enum SourceGradeRules {
  /// Every rule a source breaks, located at its `read` field (the source's block).
  package static func problems(id: String, source: PriceSource, file: String) -> [Diagnostic] {
    let notRead = saysNotRead(source.note ?? "")
    var found: [(field: String, message: String)] = []
    if source.grade == "PL" {
      if !isAWSDataFile(source.url) {
        found.append(
          (
            "grade",
            "graded PL, but '\(TerminalText.excerpt(source.url))' is not a file of AWS's data (an AWS offer file or price map, or a .json, .csv or .csv.gz file at a fixed commit of a repository); grade it S, or point it at the file that was read"
          ))
      }
      if !statesPublication(source.read, url: source.url, note: source.note ?? "") {
        found.append(
          (
            "read",
            "graded PL, but the read date \(source.read) is not stated in the url or note as a publication date (\(source.read) or \(compact(source.read)), not as a day something was read); a PL source's read is its offer's or map's publication date"
          ))
      }
      if notRead {
        found.append(
          ("grade", "graded PL, but its note says the data was not fetched or not read directly; grade it S"))
      }
    }
    if notRead, isAWSAddress(source.url) {
      found.append(
        (
          "url",
          "'\(TerminalText.excerpt(source.url))' is AWS's, but the note says it was not fetched or not read directly; the url must be what was read"
        ))
    }
    return found.map {
      Diagnostic(
        file: source.readLocation?.file ?? file, line: source.readLocation?.line ?? 1,
        column: source.readLocation?.column ?? 1, path: "sources.\(id).\($0.field)", message: $0.message)
    }
  }

  /// Whether a note says the data was not fetched, or not read directly ("the page was not
  /// read", "the page itself was not read here").
  package static func saysNotRead(_ note: String) -> Bool {
    let text = note.lowercased()
    return [
      "not fetched", "never fetched", "not read directly", "not directly read", "not directly fetched", "was not read",
      "not read here",
    ]
    .contains { text.contains($0) }
  }

  /// Whether an address is AWS's: aws.amazon.com and its subdomains, *.amazonaws.com,
  /// *.awsstatic.com, calculator.aws.
  package static func isAWSAddress(_ url: String) -> Bool {
    guard let host = parts(url)?.host else { return false }
    return host == "aws.amazon.com" || host.hasSuffix(".aws.amazon.com") || host.hasSuffix(".amazonaws.com")
      || host.hasSuffix(".awsstatic.com") || host == "calculator.aws"
  }

  /// Whether an address names a file of AWS's data: an offer file of the Price List
  /// (`pricing.*.amazonaws.com/offers/….json|.csv`), a pricing-page price map
  /// (`*.awsstatic.com` or `calculator.aws`, `/pricing/….json`), or a data file
  /// (`.json`, `.csv`, `.csv.gz`) at a fixed commit of a GitHub or Hugging Face repository.
  package static func isAWSDataFile(_ url: String) -> Bool {
    guard let (host, path) = parts(url) else { return false }
    let segments = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
    if host.hasPrefix("pricing.") && host.hasSuffix(".amazonaws.com") {
      return path.hasPrefix("/offers/") && (path.hasSuffix(".json") || path.hasSuffix(".csv"))
    }
    if host.hasSuffix(".awsstatic.com") || host == "calculator.aws" {
      return path.hasPrefix("/pricing/") && path.hasSuffix(".json")
    }
    guard [".json", ".csv", ".csv.gz"].contains(where: { path.hasSuffix($0) }) else { return false }
    // segments[0] is the empty string before the leading slash.
    switch host {
    case "github.com": return segments.count > 5 && segments[3] == "blob" && isCommit(segments[4])
    case "raw.githubusercontent.com": return segments.count > 4 && isCommit(segments[3])
    case "huggingface.co":
      return segments.count > 6 && segments[1] == "datasets" && ["blob", "resolve"].contains(segments[4])
        && isCommit(segments[5])
    default: return false
    }
  }

  /// Whether the read date is written in the url or note (`2025-03-07`, or `20250307` alone or
  /// starting a version such as `20250307204031`), other than as the day something was read
  /// (after "read", "retrieved", "fetched" or "checked on").
  package static func statesPublication(_ read: CalendarDate, url: String, note: String) -> Bool {
    let text = (url + " " + note).lowercased()
    for form in ["\(read)", compact(read)] {
      var rest = text[...]
      while let range = rest.range(of: form) {
        var before = text[..<range.lowerBound]
        while before.last == " " || before.last == ":" { before = before.dropLast() }
        let readingWords = ["read", "read on", "retrieved", "retrieved on", "fetched", "fetched on", "checked on"]
        let isDigitBefore = before.last?.isNumber ?? false
        // A compact date may run on into a version's time (20250307204031); a dashed one may not.
        let isDigitAfter = form.contains("-") && (text[range.upperBound...].first?.isNumber ?? false)
        if !isDigitBefore && !isDigitAfter && !readingWords.contains(where: { before.hasSuffix($0) }) { return true }
        rest = text[range.upperBound...]
      }
    }
    return false
  }

  private static func compact(_ date: CalendarDate) -> String { String("\(date)".filter { $0 != "-" }) }

  private static func isCommit(_ text: String) -> Bool {
    (7...40).contains(text.count) && text.allSatisfy { $0.isHexDigit && !$0.isUppercase }
  }

  /// The lower-cased host and the path (without query or fragment) of an http(s) address.
  private static func parts(_ url: String) -> (host: String, path: String)? {
    let lower = url.lowercased()
    guard let scheme = ["https://", "http://"].first(where: { lower.hasPrefix($0) }) else { return nil }
    let rest = url.dropFirst(scheme.count).prefix { $0 != "?" && $0 != "#" }
    let host = rest.prefix { $0 != "/" }
    return (host.lowercased(), String(rest.dropFirst(host.count)))
  }
}
