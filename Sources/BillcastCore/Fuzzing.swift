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

  /// Parses YAML with billcast's limits, as every reader does first.
  package static func document(_ text: String) -> YAMLDocument? {
    try? YAMLDocument.parse(text, path: "fuzz.yaml")
  }
}
