import FuzzSupport
@_spi(Fuzzing) import BillcastCore

/// Feeds arbitrary text to the formula parser, then evaluates and reprints what parses.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  CoreFuzzing.formula(fuzzText(data, size))
  return 0
}

// SwiftPM links an executable's entry point as <module>_main; hand it to libFuzzer's driver.
@_cdecl("fuzz_formula_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
  runFuzzer(argc, argv, fuzz)
}
