/// Names every formula may use without declaring them.
package enum Builtins {
  /// `month_hours`: the hours in the month priced (730 unless a forecast month says otherwise).
  package static let monthHours = "month_hours"

  /// Every built-in name.
  package static let names: Set<String> = [monthHours]
}
