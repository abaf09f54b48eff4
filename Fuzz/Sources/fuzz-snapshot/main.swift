import FuzzSupport
@_spi(Fuzzing) import BillcastPricing

/// Feeds arbitrary bytes to the compiled pricing snapshot's reader (past its checksum).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  PricingFuzzing.snapshot(Array(UnsafeBufferPointer(start: data, count: size)))
  return 0
}

// SwiftPM links an executable's entry point as <module>_main; hand it to libFuzzer's driver.
@_cdecl("fuzz_snapshot_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
  runFuzzer(argc, argv, fuzz)
}
