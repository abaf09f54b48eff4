@_spi(Fuzzing) import BillcastCore

/// The pricing-table reader's entry points for the libFuzzer harnesses in `Fuzz/`.
@_spi(Fuzzing) public enum PricingFuzzing {
  /// Reads arbitrary text as a pricing table, with every check.
  public static func table(_ text: String) {
    guard let document = CoreFuzzing.document(text) else { return }
    _ = PricingCatalog.read([document], diagnostics: DiagnosticCollector())
  }

  /// Reads arbitrary bytes as a snapshot's tables, past its checksum: a snapshot file (its header
  /// is skipped) or a bare payload. Damage must give an error, never a crash.
  public static func snapshot(_ bytes: [UInt8]) {
    let header = PricingSnapshotCache.headerSize
    let start = bytes.starts(with: PricingSnapshotCache.magic) && bytes.count >= header ? header : 0
    var reader = SnapshotReader(bytes, offset: start)
    _ = try? reader.read([PricingTable].self)
  }
}
