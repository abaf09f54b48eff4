import FuzzSupport
@_spi(Fuzzing) import BillcastBill

/// Feeds arbitrary bytes to the bill reader (FOCUS or CUR, CSV or gzip): every row, then finish.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  BillFuzzing.bill(UnsafeBufferPointer(start: data, count: size))
  return 0
}

// SwiftPM links an executable's entry point as <module>_main; hand it to libFuzzer's driver.
@_cdecl("fuzz_bill_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
  runFuzzer(argc, argv, fuzz)
}
