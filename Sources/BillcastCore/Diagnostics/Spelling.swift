import Foundation

/// Suggests the closest known name for a misspelt one.
package enum Spelling {
  /// Names longer than this (in bytes) get no suggestion.
  package static let maximumNameLength = 100

  /// The known name nearest to `name` by edit distance, if it is close enough to be a likely typo.
  package static func suggestion(for name: String, among known: some Sequence<String>) -> String? {
    // A name this long is no typo of a known one; and the edit distance is quadratic.
    guard name.utf8.count <= maximumNameLength else { return nil }
    let known = Array(known)
    let sizes = Set(known.compactMap { sizePart(of: $0) })
    var best: (String, Int)?
    for candidate in known where candidate.utf8.count <= maximumNameLength && keepsSize(name, candidate, sizes: sizes) {
      // The distance is at least the difference in length: skip candidates that cannot be close.
      if abs(candidate.count - name.count) > Swift.max(2, Swift.min(name.count, candidate.count) / 3) { continue }
      let d = distance(name.lowercased(), candidate.lowercased())
      if best == nil || d < best!.1 || (d == best!.1 && candidate < best!.0) { best = (candidate, d) }
    }
    guard let (candidate, d) = best else { return nil }
    let limit = Swift.max(2, Swift.min(name.count, candidate.count) / 3)
    return d <= limit ? candidate : nil
  }

  /// The part after the last dot of a dotted name (an instance type's size: `4xlarge` of
  /// `m5.4xlarge`, `micro` of `db.t3.micro`), or nil.
  static func sizePart(of name: String) -> Substring? {
    guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
    return name[name.index(after: dot)...]
  }

  /// Whether suggesting `candidate` for `name` is honest about size: a dotted name whose last
  /// part is a size some known name has (`m5.4xlarge`) is only ever offered a name of that size
  /// (`m5a.4xlarge`, never `m7g.xlarge`, a quarter of it); a misspelt size (`m5.xlrage`) only a
  /// name of the same family whose size has the same digits (`m5.xlarge`, but nothing for
  /// `m5.5xlarge`). Undotted names are not concerned.
  static func keepsSize(_ name: String, _ candidate: String, sizes: Set<Substring>) -> Bool {
    guard let size = sizePart(of: name), let other = sizePart(of: candidate), size != other else { return true }
    if sizes.contains(size) || size.filter(\.isNumber) != other.filter(\.isNumber) { return false }
    return name[..<name.lastIndex(of: ".")!] == candidate[..<candidate.lastIndex(of: ".")!]
  }

  /// Levenshtein distance.
  static func distance(_ a: String, _ b: String) -> Int {
    let x = Array(a), y = Array(b)
    if x.isEmpty { return y.count }
    if y.isEmpty { return x.count }
    var previous = Array(0...y.count)
    var current = previous
    for i in 1...x.count {
      current[0] = i
      for j in 1...y.count {
        current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
      }
      swap(&previous, &current)
    }
    return previous[y.count]
  }

  /// " (did you mean 'x'?)" or "".
  package static func hint(for name: String, among known: some Sequence<String>) -> String {
    if let s = suggestion(for: name, among: known) { return " (did you mean '\(TerminalText.excerpt(s))'?)" }
    return ""
  }
}
