import BillcastCore
import Testing

@testable import BillcastBill

/// The fast path for plain decimals reads exactly what the general grammar reads, and refuses
/// what it refuses.
@Suite struct BillNumberTests {
  @Test(arguments: [
    "0", "-0", "7", "007", "12.5", "-12.50", "0.000000000000000001", "999999999999999", "1000000000000000",
    "1000000000000001", "123456789012345678", "0.0000166667", "60.00012", "1.", ".5", "-", "--1", "1-2", "+1",
    "1e3", "1.5E-5", "1_000", " 1", "1 ", "0x10", "", "1.2.3", "0.0000000000000000015",
  ])
  func plainAgreesWithTheGrammar(_ text: String) {
    let general: ExactDecimal? = text.contains("_") ? nil : ExactDecimal(text)
    if let fast = BillNumber.plain(text) {
      #expect(fast == general, "\(text)")
    }
    // Whatever the path, a bill reads what the strict grammar reads (rounding aside).
    if text != "0.0000000000000000015" { #expect(BillNumber.parse(text) == general, "\(text)") }
  }
}
