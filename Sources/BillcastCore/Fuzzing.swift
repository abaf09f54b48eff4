/// Entry points for the libFuzzer harnesses in `Fuzz/`, a package of its own that sees only public
/// symbols: each feeds arbitrary text to a reader that may reject it but must never crash or hang.
@_spi(Fuzzing) public enum CoreFuzzing {
  /// Parses a formula, evaluates it, checks that its printed form parses back to the same formula,
  /// then compiles and runs it.
  public static func formula(_ text: String) {
    guard let formula = try? Formula.parse(text) else { return }
    let lookup: (String) -> Interval? = { _ in Interval(ExactDecimal(3), ExactDecimal(7)) }
    _ = try? formula.evaluate(lookup)
    if let again = try? Formula.parse(formula.description), again != formula {
      fatalError("round trip: \(text) → \(formula.description)")
    }
    if let compiled = try? CompiledFormula.compile(formula, point: .mid, bind: { _ in .value(ExactDecimal(5)) }) {
      _ = try? compiled.evaluate([])
    }
  }

  /// Decodes bytes as gzip, first whole, then fed in pieces of 1 to 64 bytes (the size from the
  /// first byte) and taken in pieces of 1 to 4,096 bytes: both must give the same bytes and the
  /// same error. At most `limit` bytes are decoded (DEFLATE expands up to 1,032 times).
  public static func gzip(_ bytes: UnsafeBufferPointer<UInt8>, limit: Int = 16 << 20) {
    func run(piece: Int, take: Int) -> ([UInt8], GzipError?) {
      let decoder = GzipDecoder()
      var out: [UInt8] = []
      var fed = 0
      do {
        while out.count < limit {
          if try decoder.decode(into: &out, maximum: take) > 0 { continue }
          if fed == bytes.count {
            try decoder.finish()
            break
          }
          let next = min(bytes.count, fed + piece)
          decoder.feed(UnsafeBufferPointer(rebasing: bytes[fed..<next]))
          fed = next
        }
      } catch { return (out, error) }
      return (out, nil)
    }
    let whole = run(piece: max(1, bytes.count), take: 1 << 16)
    let first = Int(bytes.first ?? 0)
    let pieces = run(piece: 1 + first % 64, take: 1 + first * 16)
    guard whole.0.count < limit && pieces.0.count < limit else { return }
    if whole.0 != pieces.0 || whole.1 != pieces.1 {
      fatalError("gzip: whole and in pieces differ: \(String(describing: whole.1)) / \(String(describing: pieces.1))")
    }
  }

  /// Parses YAML with billcast's limits, as every reader does first.
  package static func document(_ text: String) -> YAMLDocument? {
    try? YAMLDocument.parse(text, path: "fuzz.yaml")
  }
}
