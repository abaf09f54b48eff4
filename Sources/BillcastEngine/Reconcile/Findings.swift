import BillcastCore
import BillcastPricing

/// The causes of the differences between an estimate and a bill, gathered over the months.
enum Findings {
  /// Every cause, largest effect first.
  static func collect(_ months: [MonthReconciliation]) -> [ReconcileFinding] {
    var findings: [String: ReconcileFinding] = [:]
    var order: [String] = []
    func add(_ id: String, _ make: () -> ReconcileFinding, month: String, effect: ExactDecimal) {
      if findings[id] == nil {
        findings[id] = make()
        findings[id]!.effect = .zero
        order.append(id)
      }
      if findings[id]!.months.last != month { findings[id]!.months.append(month) }
      findings[id]!.effect += effect
    }
    for month in months {
      for service in month.services {
        for meter in service.meters {
          meters(meter, month: month.month, add: add)
        }
      }
      for unknown in month.unknown {
        let subject = [unknown.serviceCode.isEmpty ? unknown.serviceName : unknown.serviceCode, unknown.usageType]
          .filter { !$0.isEmpty }.joined(separator: " ")
        add(
          "unknown " + subject + " " + unknown.reason,
          {
            ReconcileFinding(
              kind: .unknown, months: [], subject: subject,
              message: "billed, but not in the profile: \(unknown.reason)", effect: .zero, factor: nil)
          }, month: month.month, effect: unknown.amounts.billed)
      }
      for charge in month.charges {
        let kind: ReconcileFinding.Kind =
          ["commitment-fee", "commitment-negation", "unused-commitment"].contains(charge.kind)
          ? .commitment : (["credit", "refund", "discount"].contains(charge.kind) ? .credit : .unknown)
        add(
          "charge " + charge.kind,
          {
            ReconcileFinding(
              kind: kind, months: [], subject: charge.kind,
              message: "\(charge.kind) rows, which the estimate does not model", effect: .zero, factor: nil)
          }, month: month.month, effect: charge.amounts.billed)
      }
    }
    return order.map { findings[$0]! }.sorted { a, b in
      a.effect.magnitude != b.effect.magnitude ? a.effect.magnitude > b.effect.magnitude : a.subject < b.subject
    }
  }

  /// A meter's quantity, rate and free-tier findings for one month.
  static func meters(
    _ meter: MeterReconciliation, month: String,
    add: (String, () -> ReconcileFinding, String, ExactDecimal) -> Void
  ) {
    let key = meter.meter.description
    let rateEffect = meter.rateDrift?.effect ?? .zero
    if let drift = meter.quantityDrift {
      let nearer = meter.billQuantity > meter.estimateQuantity.high ? meter.estimateCost.high : meter.estimateCost.low
      let explained =
        drift.explanation.map {
          "; \($0.component).\($0.input) = \(FindingText.quantity($0.measured)) reproduces it (the profile has \(FindingText.quantity($0.profile)))"
        } ?? ""
      add(
        "quantity " + key,
        {
          ReconcileFinding(
            kind: .quantity, months: [], subject: drift.explanation.map { "\($0.component).\($0.input)" } ?? key,
            message:
              "\(key) billed \(FindingText.quantity(meter.billQuantity)) \(meter.unit) against an estimate of \(FindingText.quantity(meter.estimateQuantity))\(drift.factor.map { " (×\($0.rounded(toFractionDigits: 4)))" } ?? "")\(explained)",
            effect: .zero, factor: drift.factor)
        }, month, meter.bill.list - nearer - rateEffect)
    }
    if let rate = meter.rateDrift {
      add(
        "rate " + key,
        {
          ReconcileFinding(
            kind: .rate, months: [], subject: key,
            message:
              "billed at \(FindingText.rate(rate.billRate)) per \(meter.unit); the table's rate is \(FindingText.rate(rate.tableRate)) (×\(rate.factor.rounded(toFractionDigits: 4)))\(meter.skus.isEmpty ? "" : ", SKU \(meter.skus.joined(separator: ", "))")",
            effect: .zero, factor: rate.factor)
        }, month, rate.effect)
    }
    commitmentAndFreeTier(meter, month: month, add: add)
  }

  /// A meter's commitment and free-tier findings for one month.
  static func commitmentAndFreeTier(
    _ meter: MeterReconciliation, month: String,
    add: (String, () -> ReconcileFinding, String, ExactDecimal) -> Void
  ) {
    let key = meter.meter.description
    if !meter.billCommittedQuantity.isZero {
      let committed = meter.billCommittedQuantity
      add(
        "commitment " + key,
        {
          ReconcileFinding(
            kind: .commitment, months: [], subject: key,
            message:
              "\(FindingText.quantity(committed)) \(meter.unit) covered by a Savings Plan or Reserved Instance: the meter's effective cost is \(FindingText.money(meter.bill.effective)), \(FindingText.money(meter.bill.list)) at on-demand prices",
            effect: .zero, factor: nil)
        }, month, meter.bill.effective - meter.bill.list)
    }
    let free = meter.billFreeQuantity
    let drawn = meter.estimateFreeTier
    let slack = ExactDecimal.maximum(
      drawn.high * MonthComparison.quantityTolerance, ExactDecimal(raw: ExactDecimal.scale / 1000))
    // A meter whose every rate is $0 (S3 to CloudFront) is free by price, not by a free tier; and
    // usage both sides found free (all within the allowance) is the quantity finding's to report.
    let priced =
      meter.tableRates.contains { !$0.isZero } && !(meter.bill.list.isZero && meter.estimateCost.high.isZero)
    if priced && (free < drawn.low - slack || free > drawn.high + slack) {
      let rate = meter.tableRates.first ?? .zero
      let nearer = free > drawn.high ? drawn.high : drawn.low
      add(
        "free " + key,
        {
          ReconcileFinding(
            kind: .freeTier, months: [], subject: key,
            message:
              "the bill shows \(FindingText.quantity(free)) \(meter.unit) free; billcast drew \(FindingText.quantity(drawn))",
            effect: .zero,
            factor: nil)
        }, month, (nearer - free) * rate)
    }
  }
}
