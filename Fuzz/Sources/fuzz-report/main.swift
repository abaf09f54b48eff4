import FuzzSupport
import BillcastCore
import BillcastReport
import Foundation

/// Feeds arbitrary bytes to the saved-report reader used by `billcast diff`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  _ = try? EstimateJSONReader.read(Data(bytes: data, count: size), path: "fuzz.json")
  return 0
}

// SwiftPM links an executable's entry point as <module>_main; hand it to libFuzzer's driver.
@_cdecl("fuzz_report_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
  runFuzzer(argc, argv, fuzz)
}
