import BillcastCore
import BillcastPricing

/// A component input the bill measured.
public struct CalibratedInput: Sendable {
  /// One month's measured value of an input.
  public struct Value: Sendable {
    /// The component and input.
    public var component: String
    public var input: String
    /// The input's value in the profile for the month, low to high.
    public var profile: Interval
    /// The value that reproduces the bill's quantity.
    public var measured: ExactDecimal
    /// The meter whose quantity measured it.
    public var meter: MeterKey
  }
  /// The component and input.
  public var component: String
  public var input: String
  /// The input as the profile writes it.
  public var written: String
  /// The workload variable it is, when the profile's input is just one (`duration_ms: lambda_duration_ms`).
  public var variable: String?
  /// The measured value, month by month.
  public var values: [(month: String, value: ExactDecimal)]
  /// The meter that measured it.
  public var meter: MeterKey
}
