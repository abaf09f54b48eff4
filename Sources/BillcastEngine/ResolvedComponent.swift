import BillcastCore
import BillcastPricing
import BillcastProfile

/// A component with its service and every input's value (formula or choice).
public struct ResolvedComponent: Sendable {
  /// The component as written in the profile.
  public var component: Component
  /// The service the component uses, from the pricing tables.
  public var service: Service
  /// Numeric inputs as formulas over workload variables (defaults filled in).
  public var numeric: [String: Formula]
  /// Choice inputs (defaults filled in).
  public var choices: [String: String]
  /// Meters the region has no rate for that this component never uses (quantity zero whatever
  /// the workload): priced as nothing, with a warning, instead of being an error.
  public var unusedWithoutRate: [UnpricedRate] = []

  /// Whether the meter named `meter` bills nothing for this component whatever the workload and
  /// the month's length: every dated version of its quantity, with the component's inputs put in,
  /// is zero (an input that names a workload variable is never taken for zero).
  func isUnused(_ meter: String) -> Bool {
    guard let meter = service.meter(meter) else { return false }
    func value(_ formula: Formula) -> Interval? {
      var inputs: [String: Interval] = [:]
      for (name, f) in numeric {
        if let v = try? f.evaluate(Builtins.anyMonth) { inputs[name] = v }
      }
      return try? formula.evaluate { Builtins.anyMonth($0) ?? inputs[$0] }
    }
    return ([meter.quantity] + meter.quantityBefore.map(\.quantity)).allSatisfy { value($0) == Interval(.zero) }
  }

  /// The label reports show: the profile's, or `Service group (component)`.
  public var label: String { component.label ?? "\(service.group) (\(component.name))" }

  /// A choice of this component that launched after `date` (an arm64 Lambda before 2021-09-29):
  /// the service and choice in words, and the launch date; nil if every choice existed then.
  public func launch(after date: CalendarDate) -> (String, CalendarDate)? {
    for input in service.inputs where !input.launched.isEmpty {
      if let value = choices[input.name], let from = input.launched[value], date < from {
        return ("\(service.name) with \(input.name) \(value)", from)
      }
    }
    return nil
  }

  /// Whether a choice condition holds for this component.
  public func matches(_ condition: ChoiceCondition) -> Bool {
    condition.allSatisfy { entry in choices[entry.key].map { entry.value.contains($0) } ?? false }
  }

  /// The account meter a meter of this component is aggregated with, its price ladder and
  /// unit, or nil if the region has no price for it.
  public func accountMeter(for meter: Meter, catalog: PricingCatalog, region: String, on date: CalendarDate) -> (
    MeterKey, TierLadder, String
  )? {
    switch meter.billing {
    case .price(let price):
      switch price {
      case .ladder(let ladder):
        return (MeterKey(service: service.id, meter: meter.name), ladder.on(date), meter.unit)
      case .keyed(let by, _):
        let key = choices[by]
        guard let ladder = price.ladder(for: key) else { return nil }
        return (MeterKey(service: service.id, meter: meter.name, key: key), ladder.on(date), meter.unit)
      }
    case .billedAs(let ref):
      guard let target = catalog.service(ref.service, region: region)?.meter(ref.meter),
        case .price(.ladder(let ladder)) = target.billing
      else {
        return nil
      }
      return (MeterKey(service: ref.service, meter: ref.meter), ladder.on(date), target.unit)
    }
  }
}
