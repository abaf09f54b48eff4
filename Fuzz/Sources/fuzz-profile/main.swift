import FuzzSupport
import BillcastCore
@_spi(Fuzzing) import BillcastProfile

/// Feeds arbitrary bytes to the profile loader: it may reject them, never crash, hang or blow up.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  ProfileFuzzing.profile(fuzzText(data, size))
  return 0
}

// SwiftPM links an executable's entry point as <module>_main; hand it to libFuzzer's driver.
@_cdecl("fuzz_profile_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
  runFuzzer(argc, argv, fuzz)
}
