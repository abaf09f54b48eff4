import Foundation

/// Pretty-printed JSON cut into consecutive slices at its structure, so that a golden report
/// of thousands of lines is a folder of files a reviewer can read.
///
/// A value is one slice when it has at most `limit` lines. A larger one is cut before each of
/// its members (object keys or array elements), and consecutive small members share a slice;
/// a member that is itself too large is cut the same way, one level down. The cuts follow the
/// report's structure, not a line count, so a change to one result changes the slice that
/// holds it and not the ones after it. Joined in order, the slices are the text, byte for byte.
public enum GoldenSlices {
  /// One slice: its file name (order, then the path of its first member) and its text.
  public struct Slice: Equatable, Sendable {
    public var name: String
    public var text: String
  }

  /// The slices of `text`, a JSON document printed with two-space indentation.
  public static func slices(of text: String, limit: Int = 1_500) -> [Slice] {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { String($0) + "\n" }
    if let last = lines.last, last == "\n" {
      lines.removeLast()
    } else if !lines.isEmpty {
      lines[lines.count - 1].removeLast()
    }
    var pieces: [(label: String, lines: ArraySlice<String>)] = []
    cut(lines[...], depth: 1, label: "", limit: limit, into: &pieces)
    return pieces.enumerated().map { index, piece in
      let order = String(index + 1).count < 2 ? "0\(index + 1)" : String(index + 1)
      return Slice(name: "\(order)-\(piece.label.isEmpty ? "report" : piece.label).part", text: piece.lines.joined())
    }
  }

  /// The text the slices in `directory` join into (files in name order).
  public static func joined(directory: String) throws -> String {
    let names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".part") }.sorted()
    return try names.map { try String(contentsOfFile: directory + "/" + $0, encoding: .utf8) }.joined()
  }

  /// Cuts the value spanning `lines` (its opening line first, its closing line last), whose
  /// members are indented by `2 × depth` spaces.
  static func cut(
    _ lines: ArraySlice<String>, depth: Int, label: String, limit: Int,
    into pieces: inout [(label: String, lines: ArraySlice<String>)]
  ) {
    let indent = String(repeating: " ", count: 2 * depth)
    // A member starts on a line at the members' indentation that is not a closing bracket.
    let starts = lines.indices.dropFirst().filter { i in
      let line = lines[i]
      guard line.hasPrefix(indent), line.count > indent.count else { return false }
      let first = line[line.index(line.startIndex, offsetBy: indent.count)]
      return first != " " && first != "}" && first != "]"
    }
    guard lines.count > limit, !starts.isEmpty else {
      pieces.append((label, lines))
      return
    }
    var run: (label: String, start: Int, end: Int)?
    func flush() {
      if let r = run { pieces.append((r.label, lines[r.start..<r.end])) }
      run = nil
    }
    for (n, start) in starts.enumerated() {
      // The first member carries the value's opening line; the last, its closing line.
      let from = n == 0 ? lines.startIndex : start
      let to = n + 1 < starts.count ? starts[n + 1] : lines.endIndex
      let member = memberLabel(lines[start], index: n, parent: label, indent: indent)
      if to - from > limit {
        flush()
        cut(lines[from..<to], depth: depth + 1, label: member, limit: limit, into: &pieces)
      } else if let r = run, to - r.start <= limit {
        run = (r.label, r.start, to)
      } else {
        flush()
        run = (member, from, to)
      }
    }
    flush()
  }

  /// A member's label: its key, or its parent's label and its index in an array.
  static func memberLabel(_ line: String, index: Int, parent: String, indent: String) -> String {
    let body = line.dropFirst(indent.count)
    if body.hasPrefix("\""), let end = body.dropFirst().firstIndex(of: "\""),
      body[body.index(after: end)...].hasPrefix(":")
    {
      let key = body[body.index(after: body.startIndex)..<end].map { $0.isLetter || $0.isNumber ? $0 : "_" }
      let name = String(key)
      return parent.isEmpty ? name : "\(parent).\(name)"
    }
    let number = index < 9 ? "0\(index + 1)" : String(index + 1)
    return parent.isEmpty ? number : "\(parent)-\(number)"
  }
}
