/// Names every formula may use without declaring them.
public enum Builtins {
  /// `month_hours`: the hours in the month priced (730 unless a forecast month says otherwise).
  public static let monthHours = "month_hours"

  /// Every built-in name.
  public static let names: Set<String> = [monthHours]
}
