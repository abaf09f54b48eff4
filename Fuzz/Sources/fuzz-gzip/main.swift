import FuzzSupport
@_spi(Fuzzing) import BillcastCore

/// Feeds arbitrary bytes to the gzip decoder, whole and in pieces (at most 16 MB out per input).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  CoreFuzzing.gzip(UnsafeBufferPointer(start: data, count: size))
  return 0
}

// SwiftPM links an executable's entry point as <module>_main; hand it to libFuzzer's driver.
@_cdecl("fuzz_gzip_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
  runFuzzer(argc, argv, fuzz)
}
