import FuzzSupport
import BillcastCore
import BillcastProfile

/// Feeds arbitrary bytes to the CloudFormation template reader (intrinsics, conditions, SAM
/// Globals, resource mapping): it may reject them, never crash, hang or blow up.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let text = fuzzText(data, size)
  _ = try? TemplateInventory.read(cloudFormationText: text, path: "fuzz.yaml", region: "us-east-1")
  return 0
}

// SwiftPM links an executable's entry point as <module>_main; hand it to libFuzzer's driver.
@_cdecl("fuzz_template_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
  runFuzzer(argc, argv, fuzz)
}
