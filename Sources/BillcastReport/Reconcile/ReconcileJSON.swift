import BillcastCore
import BillcastEngine

/// Renders a reconciliation as JSON, schema `billcast.reconcile/1`: every figure a string of an exact decimal.
///
/// The fields are documented in docs/json-reconcile.md and checked by docs/schemas/report.schema.json.
public enum ReconcileJSON {
  /// The schema name the report carries: `billcast.reconcile/1`.
  public static let schema = "billcast.reconcile/1"

  /// The reconciliation as JSON text.
  public static func render(_ r: Reconciliation) -> String { value(r).rendered() }

  static func string(_ d: ExactDecimal) -> JSONValue { .string(d.description) }
  static func strings(_ names: [String]) -> JSONValue { .array(names.map { .string($0) }) }

  /// The reconciliation as a JSON value, for reports that extend it.
  package static func value(_ r: Reconciliation) -> JSONValue {
    .object([
      ("schema", .string(schema)),
      ("profile", .object([("name", .string(r.profileName)), ("path", .string(r.profilePath))])),
      ("architecture", .string(r.architecture)),
      ("scenario", .string(r.scenario)),
      ("region", .string(r.region)),
      (
        "pricing",
        .array(
          r.tables.map { t in
            .object(
              [("id", .string(t.id)), ("effective", .string(t.effective.description)), ("sha256", .string(t.sha256))]
                + (t.warning.map { [("warning", JSONValue.string($0))] } ?? []))
          })
      ),
      ("bills", .array(r.bills.map(bill))),
      ("findings", .array(r.findings.map(finding))),
      ("months", .array(r.months.map(month))),
      ("calibration", .array(r.calibration.map(calibrated))),
    ])
  }

  static func bill(_ b: BillSummary) -> JSONValue {
    .object([
      ("path", .string(b.path)),
      ("format", .string(b.format.description)),
      ("rows", .number(String(b.rows))),
      ("months", strings(b.months)),
      ("accounts", strings(b.accounts)),
      ("currencies", strings(b.currencies)),
    ])
  }

  static func finding(_ f: ReconcileFinding) -> JSONValue {
    .object([
      ("kind", .string(f.kind.rawValue)),
      ("months", strings(f.months)),
      ("subject", .string(f.subject)),
      ("message", .string(f.message)),
      ("effect", string(f.effect)),
      ("factor", f.factor.map(string) ?? .null),
    ])
  }

  /// A set of rows' amounts: billed, effective, list and how many rows.
  static func amounts(_ a: BillAmounts) -> JSONValue {
    .object([
      ("billed", string(a.billed)), ("effective", string(a.effective)), ("list", string(a.list)),
      ("rows", .number(String(a.rows))),
    ])
  }

  static func month(_ m: MonthReconciliation) -> JSONValue {
    .object([
      ("month", .string(m.month)),
      ("hours", string(m.hours)),
      ("estimate", EstimateJSON.range(m.estimate)),
      ("estimate_credits", m.estimateCredits.map { EstimateJSON.range($0) } ?? .null),
      ("bill", amounts(m.bill)),
      ("matched", amounts(m.matched)),
      ("difference", string(ReconcileFigures.difference(m.bill.billed, m.estimate))),
      ("services", .array(m.services.map(service))),
      ("unknown", .array(m.unknown.map(unknown))),
      ("charges", .array(m.charges.map { .object([("kind", .string($0.kind)), ("amounts", amounts($0.amounts))]) })),
    ])
  }

  static func service(_ s: ServiceReconciliation) -> JSONValue {
    .object([
      ("service", .string(s.service)),
      ("name", .string(s.name)),
      ("estimate", EstimateJSON.range(s.estimate)),
      ("bill", amounts(s.bill)),
      ("difference", string(ReconcileFigures.difference(s.bill.billed, s.estimate))),
      ("meters", .array(s.meters.map(meter))),
    ])
  }

  static func meter(_ m: MeterReconciliation) -> JSONValue {
    .object([
      ("meter", .string(m.meter.description)),
      ("unit", .string(m.unit)),
      ("estimate_quantity", EstimateJSON.range(m.estimateQuantity)),
      ("bill_quantity", string(m.billQuantity)),
      ("bill_free_quantity", string(m.billFreeQuantity)),
      ("bill_committed_quantity", string(m.billCommittedQuantity)),
      ("estimate_free_tier", EstimateJSON.range(m.estimateFreeTier)),
      ("estimate_cost", EstimateJSON.range(m.estimateCost)),
      ("bill", amounts(m.bill)),
      ("difference", string(ReconcileFigures.difference(m.bill.billed, m.estimateCost))),
      ("table_rates", .array(m.tableRates.map(string))),
      (
        "bill_rates",
        .array(m.billRates.map { .object([("rate", string($0.rate)), ("quantity", string($0.quantity))]) })
      ),
      ("skus", strings(m.skus)),
      ("usage_types", strings(m.usageTypes)),
      ("quantity_drift", m.quantityDrift.map(quantityDrift) ?? .null),
      ("rate_drift", m.rateDrift.map(rateDrift) ?? .null),
    ])
  }

  static func quantityDrift(_ d: QuantityDrift) -> JSONValue {
    .object([
      ("factor", d.factor.map(string) ?? .null),
      ("explanation", d.explanation.map(measured) ?? .null),
    ])
  }

  /// One month's measured value of a component input.
  static func measured(_ v: CalibratedInput.Value) -> JSONValue {
    .object([
      ("component", .string(v.component)),
      ("input", .string(v.input)),
      ("profile", EstimateJSON.range(v.profile)),
      ("measured", string(v.measured)),
      ("meter", .string(v.meter.description)),
    ])
  }

  static func rateDrift(_ d: RateDrift) -> JSONValue {
    .object([
      ("bill_rate", string(d.billRate)), ("table_rate", string(d.tableRate)), ("factor", string(d.factor)),
      ("effect", string(d.effect)),
    ])
  }

  static func unknown(_ u: UnknownCharge) -> JSONValue {
    .object([
      ("reason", .string(u.reason)),
      ("component", u.component.map { .string($0) } ?? .null),
      ("service_code", .string(u.serviceCode)),
      ("service_name", .string(u.serviceName)),
      ("usage_type", .string(u.usageType)),
      ("region", .string(u.region)),
      ("account", .string(u.account)),
      ("quantity", string(u.quantity)),
      ("unit", .string(u.unit)),
      ("amounts", amounts(u.amounts)),
      ("first_row", .string(u.firstRow)),
    ])
  }

  static func calibrated(_ c: CalibratedInput) -> JSONValue {
    .object([
      ("component", .string(c.component)),
      ("input", .string(c.input)),
      ("written", .string(c.written)),
      ("variable", c.variable.map { .string($0) } ?? .null),
      ("values", .array(c.values.map { .object([("month", .string($0.month)), ("value", string($0.value))]) })),
      ("meter", .string(c.meter.description)),
    ])
  }
}
