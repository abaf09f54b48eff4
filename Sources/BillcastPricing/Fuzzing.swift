@_spi(Fuzzing) import BillcastCore

/// The pricing-table reader's entry point for the libFuzzer harness in `Fuzz/`.
@_spi(Fuzzing) public enum PricingFuzzing {
  /// Reads arbitrary text as a pricing table, with every check.
  public static func table(_ text: String) {
    guard let document = CoreFuzzing.document(text) else { return }
    _ = PricingCatalog.read([document], diagnostics: DiagnosticCollector())
  }
}
