extension Formula {
  /// Parses a formula from its text.
  public static func parse(_ text: String) throws(FormulaSyntaxError) -> Formula {
    guard text.count <= maximumLength else {
      throw FormulaSyntaxError(
        message: "formula is \(text.count) characters long; the limit is \(maximumLength)", offset: 0)
    }
    var parser = FormulaParser(text)
    return try parser.parseWhole()
  }
}

private struct FormulaParser {
  enum Token: Equatable {
    case number(ExactDecimal), name(String), op(Character), range, lparen, rparen, comma, end
  }

  let chars: [Character]
  var position = 0
  var token: Token = .end
  var tokenStart = 0
  var depth = 0

  init(_ text: String) { chars = Array(text) }

  mutating func parseWhole() throws(FormulaSyntaxError) -> Formula {
    try advance()
    if token == .end { throw FormulaSyntaxError(message: "empty formula", offset: 0) }
    let f = try parseFormula()
    guard token == .end else { throw error("unexpected \(describe(token))") }
    return f
  }

  func error(_ message: String) -> FormulaSyntaxError {
    FormulaSyntaxError(message: message + " at character \(tokenStart + 1)", offset: tokenStart)
  }

  func describe(_ t: Token) -> String {
    switch t {
    case .number(let v): return "number \(v)"
    case .name(let n): return "name '\(TerminalText.excerpt(n))'"
    case .op(let c): return "'\(TerminalText.excerpt(c))'"
    case .range: return "'..'"
    case .lparen: return "'('"
    case .rparen: return "')'"
    case .comma: return "','"
    case .end: return "end of formula"
    }
  }

  /// Reads the next token.
  ///
  /// Long on purpose: one `switch` over the first character, a case per kind of token (number,
  /// name, operator, bracket), which reads as the formula grammar's lexical table.
  mutating func advance() throws(FormulaSyntaxError) {
    // ASCII only: names are ASCII, and a combining mark after a space would otherwise
    // merge with it into one character and change how the text splits (found by fuzzing).
    while position < chars.count
      && (chars[position] == " " || chars[position] == "\t" || chars[position] == "\n" || chars[position] == "\r\n"
        || chars[position] == "\r")
    { position += 1 }
    tokenStart = position
    guard position < chars.count else { token = .end; return }
    let c = chars[position]
    if c.isASCII && (c.isNumber) {
      var end = position
      // digits, '_', '.', exponent; stop before '..'
      while end < chars.count {
        let d = chars[end]
        if d.isASCII && (d.isNumber || d == "_") { end += 1; continue }
        if d == "." && end + 1 < chars.count && chars[end + 1] != "." { end += 1; continue }
        if (d == "e" || d == "E") {
          var e = end + 1
          if e < chars.count && (chars[e] == "+" || chars[e] == "-") { e += 1 }
          if e < chars.count && chars[e].isASCII && chars[e].isNumber { end = e; continue }
        }
        break
      }
      // A letter glued to a number (12abc) is an error, not a product.
      if end < chars.count && ((chars[end].isASCII && chars[end].isLetter) || chars[end] == "_") {
        var junk = end
        while junk < chars.count && chars[junk].isASCII
          && (chars[junk].isLetter || chars[junk].isNumber || chars[junk] == "_")
        { junk += 1 }
        let text = String(chars[position..<junk])
        throw FormulaSyntaxError(
          message: NumberSyntaxError.notANumber(text).description + " at character \(position + 1)", offset: position)
      }
      let text = String(chars[position..<end])
      switch ExactDecimal.parse(text) {
      case .success(let v): token = .number(v)
      case .failure(let e):
        throw FormulaSyntaxError(message: e.description + " at character \(position + 1)", offset: position)
      }
      position = end
      return
    }
    if (c.isASCII && c.isLetter) || c == "_" {
      var end = position
      while end < chars.count && chars[end].isASCII && (chars[end].isLetter || chars[end].isNumber || chars[end] == "_")
      { end += 1 }
      token = .name(String(chars[position..<end]))
      position = end
      return
    }
    position += 1
    switch c {
    case "+", "-", "*", "/": token = .op(c)
    case "(": token = .lparen
    case ")": token = .rparen
    case ",": token = .comma
    case ".":
      if position < chars.count && chars[position] == "." {
        position += 1
        token = .range
      } else {
        throw error("unexpected '.' (a number needs a digit before its decimal point)")
      }
    default:
      throw error("unexpected character '\(TerminalText.excerpt(c))'")
    }
  }

  mutating func enter() throws(FormulaSyntaxError) {
    depth += 1
    if depth > Formula.maximumDepth {
      throw error("formula nests deeper than \(Formula.maximumDepth) levels")
    }
  }

  mutating func parseFormula() throws(FormulaSyntaxError) -> Formula {
    try enter()
    defer { depth -= 1 }
    let low = try parseSum()
    if token == .range {
      try advance()
      let high = try parseSum()
      return .range(low, high)
    }
    return low
  }

  mutating func parseSum() throws(FormulaSyntaxError) -> Formula {
    var left = try parseProduct()
    while case .op(let c) = token, c == "+" || c == "-" {
      try advance()
      let right = try parseProduct()
      left = .binary(c == "+" ? .add : .subtract, left, right)
    }
    return left
  }

  mutating func parseProduct() throws(FormulaSyntaxError) -> Formula {
    var left = try parseUnary()
    while case .op(let c) = token, c == "*" || c == "/" {
      try advance()
      let right = try parseUnary()
      left = .binary(c == "*" ? .multiply : .divide, left, right)
    }
    return left
  }

  mutating func parseUnary() throws(FormulaSyntaxError) -> Formula {
    if token == .op("-") {
      try enter()
      defer { depth -= 1 }
      try advance()
      let operand = try parseUnary()
      if case .number(let v) = operand { return .number(-v) }
      return .negate(operand)
    }
    return try parsePrimary()
  }

  mutating func parsePrimary() throws(FormulaSyntaxError) -> Formula {
    switch token {
    case .number(let v):
      try advance()
      return .number(v)
    case .name(let n):
      let callStart = tokenStart
      try advance()
      if token == .lparen {
        guard let fn = Formula.Function(rawValue: n) else {
          throw FormulaSyntaxError(
            message:
              "unknown function '\(TerminalText.excerpt(n))' (known: min, max, ceil, floor) at character \(callStart + 1)",
            offset: callStart)
        }
        try advance()
        var args: [Formula] = [try parseFormula()]
        while token == .comma {
          try advance()
          args.append(try parseFormula())
        }
        guard token == .rparen else { throw error("expected ')' or ',' in call to \(n)") }
        try advance()
        guard fn.arity.contains(args.count) else {
          throw FormulaSyntaxError(
            message:
              "\(n) takes \(fn.arity.lowerBound == fn.arity.upperBound ? "\(fn.arity.lowerBound)" : "\(fn.arity.lowerBound) or more") argument\(fn.arity.upperBound == 1 ? "" : "s"), not \(args.count)",
            offset: callStart)
        }
        return .call(fn, args)
      }
      return .name(n)
    case .lparen:
      try advance()
      let inner = try parseFormula()
      guard token == .rparen else { throw error("expected ')'") }
      try advance()
      return inner
    default:
      throw error("expected a number, a name or '(' but found \(describe(token))")
    }
  }
}
