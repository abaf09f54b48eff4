import BillcastCore
import BillcastPricing
import BillcastProfile

/// Something the user must see about a result: a soft rule, a note, an availability date.
public struct EstimateWarning: Sendable, Hashable {
  /// The kinds of warning an estimate gives.
  public enum Code: Sendable, Hashable {
    /// A service rule from the pricing table (Aurora Serverless v1 PostgreSQL's 2-ACU minimum).
    case softRule
    /// A service closed to new resources after a date.
    case availability
    /// A service priced before its retirement, which has since happened.
    case retiredSince
    /// A meter the region has no rate for, which the component never uses (quantity zero whatever the workload).
    case unusedWithoutRate
    /// A workload variable declared in one unit given directly to an input measured in another.
    case unitMismatch
    /// Something about an architecture's templates (its code, like `unpriced-resource`).
    case template(ArchitectureNotice.Kind)
    /// A `severity: warning` note of the pricing table, with the note's own code.
    case note(String)

    /// The code reports print, like `soft-rule` or a note's code.
    public var text: String {
      switch self {
      case .softRule: return "soft-rule"
      case .availability: return "availability"
      case .retiredSince: return "retired-since"
      case .unusedWithoutRate: return "unused-without-rate"
      case .unitMismatch: return "unit-mismatch"
      case .template(let kind): return kind.rawValue
      case .note(let code): return code
      }
    }
  }

  /// The warning's kind.
  public var kind: Code
  /// The warning's code as reports print it: `soft-rule`, `availability`, `retired-since`, a
  /// template notice's code, or a pricing-table note's code.
  public var code: String { kind.text }
  /// The warning in words, naming the component.
  public var message: String
  /// The component it concerns, if any.
  public var component: String?
  /// Where in the profile it arises, if it does.
  public var location: SourceLocation?

  /// Creates a warning.
  public init(_ kind: Code, message: String, component: String?, location: SourceLocation?) {
    self.kind = kind
    self.message = message
    self.component = component
    self.location = location
  }
}
