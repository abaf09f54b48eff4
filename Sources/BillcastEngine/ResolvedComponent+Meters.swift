import BillcastCore
import BillcastPricing

extension ResolvedComponent {
  /// How one of a component's meters takes part in a month's bill.
  package enum MeterRole {
    /// Priced: its quantity is aggregated into its account meter.
    case priced(Meter)
    /// Never used by this component (its quantity is 0 whatever the workload) and without a
    /// rate in the region: left out, with a warning.
    case unusedWithoutRate(Meter, UnpricedRate)
  }

  /// The meters that bill on `date`: those whose `when` the component's choices match and that
  /// are in force, in the service's order, each priced or left out unused.
  ///
  /// The one meter-selection rule that the estimate (``Calculator``) and the compiled cost
  /// model (``CostModel``) share, so that both always price the same meters.
  package func meters(on date: CalendarDate) -> [MeterRole] {
    service.meters.compactMap { meter in
      guard matches(meter.when), meter.isInForce(on: date) else { return nil }
      if let unpriced = unusedWithoutRate.first(where: { $0.key.meter == meter.name }) {
        return .unusedWithoutRate(meter, unpriced)
      }
      return .priced(meter)
    }
  }
}
