import Foundation
import Yams

/// A YAML file, composed into a node tree that is safe to walk.
package struct YAMLDocument {
  /// The file's path as the user gave it (used in diagnostics).
  package var path: String
  /// The root node.
  package var root: Node
  /// The SHA-256 of the file's text, in lower-case hex.
  package var sha256: String

  /// Reads and composes a file, applying `limits` before anything else.
  package static func load(path: String, limits: YAMLLimits = .standard) throws(DiagnosticError) -> YAMLDocument {
    try parse(readText(path: path, limits: limits), path: path, limits: limits)
  }

  /// Reads a file's text, refusing a file larger than `limits` allows or one that is not UTF-8.
  package static func readText(path: String, limits: YAMLLimits = .standard) throws(DiagnosticError) -> String {
    if let problem = InputFiles.confinementProblem(path) {
      throw DiagnosticError([Diagnostic(file: path, line: 1, column: 1, message: problem)])
    }
    let url = URL(fileURLWithPath: path)
    let size: Int
    switch FileStatus.of(path) {
    case .failure(let error):
      throw DiagnosticError([Diagnostic(file: path, line: 1, column: 1, message: "cannot read the file (\(error))")])
    case .success(let status):
      guard status.isRegularFile else {
        throw DiagnosticError([Diagnostic(file: path, line: 1, column: 1, message: "not a regular file")])
      }
      size = status.size
    }
    if size > limits.maximumBytes {
      throw DiagnosticError([
        Diagnostic(
          file: path, line: 1, column: 1,
          message: "the file is \(size) bytes; the limit is \(limits.maximumBytes) bytes")
      ])
    }
    if let problem = InputFiles.charge(bytes: size) {
      throw DiagnosticError([Diagnostic(file: path, line: 1, column: 1, message: problem)])
    }
    let data: Data
    do {
      let handle = try FileHandle(forReadingFrom: url)
      defer { try? handle.close() }
      data = try handle.read(upToCount: limits.maximumBytes + 1) ?? Data()
    } catch {
      throw DiagnosticError([
        Diagnostic(file: path, line: 1, column: 1, message: "cannot read the file (\(Self.reason(error)))")
      ])
    }
    if data.count > limits.maximumBytes {
      throw DiagnosticError([
        Diagnostic(
          file: path, line: 1, column: 1, message: "the file is larger than the limit of \(limits.maximumBytes) bytes")
      ])
    }
    InputFiles.record(path)
    guard let text = String(data: data, encoding: .utf8) else {
      throw DiagnosticError([Diagnostic(file: path, line: 1, column: 1, message: "the file is not valid UTF-8")])
    }
    return text
  }

  /// Composes YAML text, applying `limits`.
  package static func parse(_ text: String, path: String, limits: YAMLLimits = .standard) throws(DiagnosticError)
    -> YAMLDocument
  {
    if text.utf8.count > limits.maximumBytes {
      throw DiagnosticError([
        Diagnostic(
          file: path, line: 1, column: 1,
          message: "the text is \(text.utf8.count) bytes; the limit is \(limits.maximumBytes) bytes")
      ])
    }
    let node: Node?
    do {
      node = try Yams.compose(yaml: text, Resolver.basic)
    } catch let error as YamlError {
      throw DiagnosticError([diagnostic(for: error, path: path, text: text, limits: limits)])
    } catch {
      throw DiagnosticError([Diagnostic(file: path, line: 1, column: 1, message: "not valid YAML (\(reason(error)))")])
    }
    guard let root = node else {
      throw DiagnosticError([Diagnostic(file: path, line: 1, column: 1, message: "the file is empty")])
    }
    var budget = limits.maximumNodes
    if let (problem, node) = checkBudget(root, budget: &budget, depth: 0, limits: limits) {
      let mark = node.mark ?? root.mark
      throw DiagnosticError([Diagnostic(file: path, line: mark?.line, column: mark?.column, message: problem)])
    }
    return YAMLDocument(path: path, root: root, sha256: SHA256.hex(text.utf8))
  }

  /// Walks the tree counting nodes (aliases are counted every time they are used); returns the
  /// problem and the node where the walk stopped.
  private static func checkBudget(_ node: Node, budget: inout Int, depth: Int, limits: YAMLLimits) -> (String, Node)? {
    budget -= 1
    if budget < 0 {
      return (
        "the document has more than \(limits.maximumNodes) nodes once its aliases are expanded (an alias bomb?)", node
      )
    }
    if depth > limits.maximumDepth { return (depthMessage(limits), node) }
    switch node {
    case .scalar, .alias:
      return nil
    case .mapping(let mapping):
      for (key, value) in mapping {
        if let p = checkBudget(key, budget: &budget, depth: depth + 1, limits: limits) { return p }
        if let p = checkBudget(value, budget: &budget, depth: depth + 1, limits: limits) { return p }
      }
    case .sequence(let sequence):
      for item in sequence {
        if let p = checkBudget(item, budget: &budget, depth: depth + 1, limits: limits) { return p }
      }
    }
    return nil
  }

  static func depthMessage(_ limits: YAMLLimits) -> String {
    "the document nests deeper than \(limits.maximumDepth) levels"
  }

  static func diagnostic(for error: YamlError, path: String, text: String, limits: YAMLLimits) -> Diagnostic {
    switch error {
    case .scanner(let context, let problem, let mark, _),
      .parser(let context, let problem, let mark, _),
      .composer(let context, let problem, let mark, _):
      // libyaml stops at 1,000 levels with its own wording; say what billcast's limit is.
      if problem.contains("nest") && problem.contains("level") {
        return Diagnostic(file: path, line: mark.line, column: mark.column, message: depthMessage(limits))
      }
      var message = "invalid YAML: \(problem)"
      if let context { message += " (\(context.text) at line \(context.mark.line), column \(context.mark.column))" }
      return Diagnostic(file: path, line: mark.line, column: mark.column, message: message)
    case .duplicatedKeysInMapping(let duplicates, let context):
      let keys = duplicates.map { "'\(TerminalText.excerpt($0))'" }.joined(separator: ", ")
      return Diagnostic(
        file: path, line: context.mark.line, column: context.mark.column,
        message: "duplicate key \(keys) in one mapping; each key may appear once")
    case .reader(let problem, let offset, let value, _):
      let (line, column) = position(ofByte: offset ?? 0, in: text)
      let what =
        value == 0
        ? "a NUL byte"
        : (0..<32).contains(value) || value == 127
          ? String(format: "the control character 0x%02X", value)
          : "the character U+\(String(value, radix: 16, uppercase: true))"
      return Diagnostic(
        file: path, line: line, column: column, message: "cannot read YAML: \(problem): \(what) (byte \(offset ?? 0))")
    default:
      return Diagnostic(file: path, line: 1, column: 1, message: "invalid YAML: \(error)")
    }
  }

  /// The 1-based line and column (in characters) of a byte offset into `text`.
  static func position(ofByte offset: Int, in text: String) -> (line: Int, column: Int) {
    var line = 1, column = 1, index = 0
    for scalar in text.unicodeScalars {
      if index >= offset { break }
      index += String(scalar).utf8.count
      if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
    }
    return (line, column)
  }

  static func reason(_ error: Error) -> String {
    let text = (error as NSError).localizedDescription
    return text.isEmpty ? String(describing: error) : text
  }
}
