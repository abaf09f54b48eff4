import FuzzSupport
import BillcastCore

/// Feeds arbitrary text to the formula parser, then evaluates and reprints what parses.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let text = fuzzText(data, size)
  guard let formula = try? Formula.parse(text) else { return 0 }
  let lookup: (String) -> Interval? = { _ in Interval(ExactDecimal(3), ExactDecimal(7)) }
  _ = try? formula.evaluate(lookup)
  // The printer's text must parse back to the same formula.
  if let again = try? Formula.parse(formula.description), again != formula {
    fatalError("round trip: \(text) → \(formula.description)")
  }
  if let compiled = try? CompiledFormula.compile(formula, point: .mid, bind: { _ in .value(ExactDecimal(5)) }) {
    _ = try? compiled.evaluate([])
  }
  return 0
}

// SwiftPM links an executable's entry point as <module>_main; hand it to libFuzzer's driver.
@_cdecl("fuzz_formula_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
  runFuzzer(argc, argv, fuzz)
}
