import ArgumentParser
import BillcastCore
import BillcastEngine

extension ReconcileCommand {
  /// `--fail-above`: dollars or a percentage of the estimate's high end.
  struct Threshold: ExpressibleByArgument {
    /// Dollars above the estimate's high end, or nil for a percentage.
    var amount: ExactDecimal?
    /// A percentage above the estimate's high end.
    var percent: ExactDecimal?

    init?(argument: String) {
      if argument.hasSuffix("%") {
        guard let p = ExactDecimal(String(argument.dropLast())), p >= .zero, p <= 100_000 else { return nil }
        percent = p
      } else {
        guard let a = ExactDecimal(argument.hasPrefix("$") ? String(argument.dropFirst()) : argument), a >= .zero,
          a <= 1_000_000_000_000
        else { return nil }
        amount = a
      }
    }

    /// The first month whose bill passes the threshold, described; nil if none does.
    func crossed(by r: Reconciliation) -> String? {
      for m in r.months {
        let over = m.bill.billed - m.estimate.high
        let limit = amount ?? m.estimate.high * percent! / 100
        if over > limit {
          return
            "\(m.month): the bill (\(m.bill.billed.formatted(fractionDigits: 2))) is \(over.formatted(fractionDigits: 2)) above the estimate's high end (\(m.estimate.high.formatted(fractionDigits: 2))), more than --fail-above \(amount.map { $0.formatted(fractionDigits: 2) } ?? "\(percent!)%")"
        }
      }
      return nil
    }
  }
}
