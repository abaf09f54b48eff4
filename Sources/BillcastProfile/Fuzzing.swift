@_spi(Fuzzing) import BillcastCore

/// The profile and template readers' entry points for the libFuzzer harnesses in `Fuzz/`.
@_spi(Fuzzing) public enum ProfileFuzzing {
  /// Reads arbitrary text as a usage profile, with every check.
  public static func profile(_ text: String) {
    guard let document = CoreFuzzing.document(text) else { return }
    _ = try? Profile.read(document)
  }

  /// Reads arbitrary text as a CloudFormation or SAM template (intrinsics, conditions, Globals, mapping).
  public static func template(_ text: String) {
    _ = try? TemplateInventory.read(cloudFormationText: text, path: "fuzz.yaml", region: "us-east-1")
  }
}
