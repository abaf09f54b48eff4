import BillcastCore
import BillcastEngine

/// Renders a forecast as JSON (`billcast.forecast/1`, amounts as exact decimal strings) or CSV.
public enum ForecastJSON {
  /// The schema name the report carries: `billcast.forecast/1`.
  public static let schema = "billcast.forecast/1"

  static func figures(_ f: MonthFigures?) -> JSONValue {
    guard let f else { return .null }
    return .object([
      ("low", .string(f.envelope.low.description)), ("high", .string(f.envelope.high.description)),
      ("p10", .string(f.p10.description)), ("p50", .string(f.p50.description)), ("p90", .string(f.p90.description)),
    ])
  }

  /// The forecast as JSON text.
  public static func render(_ f: Forecast) -> String {
    JSONValue.object([
      ("schema", .string(schema)),
      ("currency", .string(f.currency)),
      (
        "profile",
        .object([
          ("name", .string(f.profileName)), ("path", .string(f.profilePath)), ("sha256", .string(f.profileSHA256)),
        ])
      ),
      ("region", .string(f.region)),
      ("free_tier", EstimateJSON.freeTier(f.freeTier)),
      ("pricing", .array(f.tables.map(table))),
      ("samples", .number(String(f.samples))),
      ("seed", .number(String(f.seed))),
      ("months", .array(f.months.map(month))),
      ("architectures", .array(f.architectures.map(architecture))),
      ("cheapest_by_month", .array(f.cheapestByMonth.map { $0.map { .string($0) } ?? .null })),
      (
        "crossovers",
        .array(
          f.crossovers.map {
            .object([
              ("kind", .string($0.kind.rawValue)), ("month", .number(String($0.month))), ("from", .string($0.from)),
              ("to", .string($0.to)),
            ])
          })
      ),
      (
        "events",
        .array(
          f.events.map { e in
            .object([
              ("month", .number(String(e.month))), ("architecture", e.architecture.map { .string($0) } ?? .null),
              ("code", .string(e.code)), ("message", .string(e.message)),
            ])
          })
      ),
      ("breakdown", breakdown(f)),
    ]).rendered()
  }

  static func table(_ t: TableReference) -> JSONValue {
    .object(
      [("id", .string(t.id)), ("effective", .string(t.effective.description)), ("sha256", .string(t.sha256))]
        + (t.warning.map { [("warning", JSONValue.string($0))] } ?? []))
  }

  static func month(_ m: ForecastMonth) -> JSONValue {
    .object([
      ("month", .number(String(m.index))), ("date", .string(m.month.description)),
      ("scenario", m.scenario.map { .string($0) } ?? .null), ("hours", .string(m.hours.description)),
    ])
  }

  /// An architecture's figures month by month, cumulatively, and the credits applied.
  static func architecture(_ a: ArchitectureForecast) -> JSONValue {
    .object([
      ("architecture", .string(a.architecture)),
      ("monthly", .array(a.monthly.map(figures))),
      ("cumulative", .array(a.cumulative.map(figures))),
      (
        "credits",
        .array(
          a.credits.map {
            $0.map { .object([("low", .string($0.low.description)), ("high", .string($0.high.description))]) }
              ?? .null
          })
      ),
    ])
  }

  /// Each architecture's cost per service group in the breakdown month.
  static func breakdown(_ f: Forecast) -> JSONValue {
    .object([
      ("month", .number(String(f.breakdownMonth))),
      (
        "architectures",
        .array(
          f.breakdown.map { b in
            .object([
              ("architecture", .string(b.architecture)),
              (
                "services",
                .array(
                  b.services.map {
                    .object([
                      ("group", .string($0.group)), ("low", .string($0.cost.low.description)),
                      ("high", .string($0.cost.high.description)),
                    ])
                  })
              ),
            ])
          })
      ),
    ])
  }

  /// One row per architecture × month: `architecture,month,date,scenario,low,high,p10,p50,p90,cumulative_p10,cumulative_p50,cumulative_p90`.
  public static func csv(_ f: Forecast) -> String {
    var out = "architecture,month,date,scenario,low,high,p10,p50,p90,cumulative_p10,cumulative_p50,cumulative_p90\n"
    for a in f.architectures {
      for m in f.months {
        let x = a.monthly[m.index - 1], c = a.cumulative[m.index - 1]
        let cells =
          [a.architecture, String(m.index), m.month.description, m.scenario ?? ""]
          + [
            x?.envelope.low, x?.envelope.high, x?.p10, x?.p50, x?.p90, c?.p10, c?.p50, c?.p90,
          ].map { $0?.description ?? "" }
        out += cells.map(CompareCSV.field).joined(separator: ",") + "\n"
      }
    }
    return out
  }
}
