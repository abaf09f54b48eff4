import BillcastCore
import BillcastEngine

/// Figures every reconcile report derives alike from a ``Reconciliation``: the difference
/// between a bill and an estimate's range, its percentage, factors, quantities and rates as text.
enum ReconcileFigures {
  /// The end of the estimate's range nearer to `billed`: its low end when the bill is lower,
  /// its high end when higher, and `billed` itself when it is inside the range.
  static func nearer(_ billed: ExactDecimal, _ estimate: Interval) -> ExactDecimal {
    billed < estimate.low ? estimate.low : (billed > estimate.high ? estimate.high : billed)
  }

  /// Billed − the nearer end of the estimate's range: 0 inside the range, negative below it.
  static func difference(_ billed: ExactDecimal, _ estimate: Interval) -> ExactDecimal {
    billed - nearer(billed, estimate)
  }

  /// The difference as a percentage of the nearer end, one decimal, signed (`+12.5%`); `—`
  /// inside the range at 0, and `new` when the nearer end is 0 and the bill is not.
  static func percent(_ billed: ExactDecimal, _ estimate: Interval) -> String {
    let base = nearer(billed, estimate), d = billed - base
    if d.isZero { return "0.0%" }
    if base.isZero { return "new" }
    let ratio = d.multiplied(by: 100, dividedBy: base.magnitude)
    guard let ratio else { return "—" }
    return (ratio.isNegative ? "" : "+") + ratio.formatted(fractionDigits: 1) + "%"
  }

  /// A signed amount of money: `+$1.25`, `-$0.40`, `$0.00`.
  static func signed(_ amount: ExactDecimal) -> String {
    amount.rounded(toFractionDigits: 2).isZero
      ? Money.text(ExactDecimal.zero) : (amount.isNegative ? "" : "+") + Money.text(amount)
  }

  /// A factor as people read it: `×1.5`, to at most three decimals; `—` for none.
  static func factor(_ f: ExactDecimal?) -> String {
    guard let f else { return "—" }
    return "×" + PriceText.quantity(f, maxDigits: 3)
  }

  /// A quantity with its unit: `1,500,000 requests`.
  static func quantity(_ q: ExactDecimal, _ unit: String) -> String { "\(PriceText.quantity(q)) \(unit)" }

  /// A range of quantities with its unit: `100–200 GB-s`, or one value when both ends agree.
  static func quantity(_ q: Interval, _ unit: String) -> String {
    let l = PriceText.quantity(q.low), h = PriceText.quantity(q.high)
    return (l == h ? l : "\(l)–\(h)") + " \(unit)"
  }

  /// The table's rates per unit of the meter: `$0.0000002, $0.00000018`.
  static func tableRates(_ m: MeterReconciliation) -> String {
    m.tableRates.isEmpty ? "—" : m.tableRates.map(PriceText.dollars).joined(separator: ", ")
  }

  /// `1 row`, `2 rows`.
  static func rows(_ n: Int) -> String { n == 1 ? "1 row" : "\(n) rows" }

  /// The bill's rates with the quantity billed at each: `$0.20 × 1,000 requests`.
  static func billRates(_ m: MeterReconciliation) -> String {
    m.billRates.isEmpty
      ? "—"
      : m.billRates.map { "\(PriceText.dollars($0.rate)) × \(quantity($0.quantity, m.unit))" }
        .joined(separator: ", ")
  }

  /// A quantity drift's explanation: `api.requests_per_day: profile 1,000–2,000 → measured 3,000`.
  static func explanation(_ v: CalibratedInput.Value) -> String {
    let l = PriceText.quantity(v.profile.low), h = PriceText.quantity(v.profile.high)
    return "\(v.component).\(v.input): profile \(l == h ? l : "\(l)–\(h)") → measured \(PriceText.quantity(v.measured))"
  }

  /// A quantity drift in words: its factor and what explains it.
  static func quantityDrift(_ d: QuantityDrift) -> String {
    "quantity \(factor(d.factor))" + (d.explanation.map { " (\(explanation($0)))" } ?? " (no input explains it)")
  }

  /// A rate drift in words: `rate ×1.2: bill $0.0000015 against table $0.00000125, effect +$1.00`.
  static func rateDrift(_ d: RateDrift) -> String {
    "rate \(factor(d.factor)): bill \(PriceText.dollars(d.billRate)) against table \(PriceText.dollars(d.tableRate)), effect \(signed(d.effect))"
  }

  /// A bill file in one line: `bill.csv: FOCUS 1.2, 120 rows, months 2026-09, 2026-10; accounts 1; USD`.
  static func bill(_ b: BillSummary) -> String {
    "\(b.path): \(b.format), \(b.rows) rows, months \(list(b.months)); accounts \(list(b.accounts)); currencies \(list(b.currencies))"
  }

  /// The currency of every amount: US dollars, the tables' (a bill in another currency is
  /// converted at the `--exchange-rate` given, or refused); the chart says when one was.
  static func currency(_ r: Reconciliation) -> String {
    r.bills.contains { $0.currencies.contains { $0 != "USD" } } ? "USD, converted" : "USD"
  }

  /// The meters a report for people details: those with bill rows or an estimate that is not
  /// 0 (a component's meters its workload never uses would bury the ones that matter).
  static func shown(_ meters: [MeterReconciliation]) -> [MeterReconciliation] {
    meters.filter { $0.bill.rows > 0 || !$0.estimateCost.high.isZero || !$0.estimateQuantity.high.isZero }
  }

  /// An unknown charge's service as people read it: its billed name, else its offer code
  /// (CUR has only the code), else `—`.
  static func service(_ u: UnknownCharge) -> String {
    !u.serviceName.isEmpty ? u.serviceName : (!u.serviceCode.isEmpty ? u.serviceCode : "—")
  }

  /// A finding's effect and factor: `effect +$3.00, ×1.2`.
  static func effect(_ f: ReconcileFinding) -> String {
    "effect \(signed(f.effect))" + (f.factor.map { ", \(factor($0))" } ?? "")
  }

  /// Names joined by commas, or `none`.
  static func list(_ names: [String]) -> String { names.isEmpty ? "none" : names.joined(separator: ", ") }

  /// The meters whose free quantities differ from nothing: a bill's $0 quantity or billcast's draw.
  static func freeTier(_ r: Reconciliation) -> [(month: String, meter: MeterReconciliation)] {
    r.months.flatMap { m in
      m.services.flatMap(\.meters).filter {
        !$0.billFreeQuantity.isZero || !$0.estimateFreeTier.low.isZero || !$0.estimateFreeTier.high.isZero
      }.map { (m.month, $0) }
    }
  }

  /// Every unknown charge with its month, largest billed cost first within a month.
  static func unknown(_ r: Reconciliation) -> [(month: String, charge: UnknownCharge)] {
    r.months.flatMap { m in largestFirst(m.unknown).map { (m.month, $0) } }
  }

  /// Unknown charges by billed cost, largest first; ties keep the model's order.
  static func largestFirst(_ charges: [UnknownCharge]) -> [UnknownCharge] {
    charges.enumerated().sorted {
      $0.element.amounts.billed != $1.element.amounts.billed
        ? $0.element.amounts.billed > $1.element.amounts.billed : $0.offset < $1.offset
    }.map(\.element)
  }

  /// The report's title: `name — estimate against the bill`.
  static func title(_ r: Reconciliation) -> String { "\(r.profileName) — estimate against the bill" }

  /// The profile, architecture, scenario and region in one line.
  static func subject(_ r: Reconciliation) -> String {
    "Profile \(r.profilePath); architecture \(r.architecture), scenario \(r.scenario); region \(r.region)"
  }
}
