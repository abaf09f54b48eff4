import BillcastCore

/// How billcast prices one kind of template resource, in both formats: read from a service's
/// `resources.yaml` (`billcast.resources/1`, see `docs/resource-definitions.md`).
///
/// A definition names the resource types it covers in each format, the service and component it
/// prices as, which property feeds which input (with value maps and defaults), what makes the
/// resource free or not priced, and the irregular rules (Swift, in ``IrregularRules``) it needs.
struct ResourceDefinition: Sendable {
  /// A property's path in each format (dotted keys, list indexes as numbers); the first of
  /// several alternatives that the resource sets is read.
  struct PropertyPath: Sendable {
    var cloudFormation: [String] = []
    var terraform: [String] = []

    /// The format's alternatives.
    func paths(_ format: TemplateFormat) -> [String] {
      format == .cloudFormation ? cloudFormation : terraform
    }

    /// The path as reports name it: without list indexes (`ephemeral_storage.size`).
    static func display(_ path: String) -> String {
      path.split(separator: ".").filter { Int($0) == nil }.joined(separator: ".")
    }
  }

  /// A mapping of template values to service values, the same in both formats or one per format.
  struct ValueMap: Sendable {
    var cloudFormation: [String: String]
    var terraform: [String: String]

    func values(_ format: TemplateFormat) -> [String: String] {
      format == .cloudFormation ? cloudFormation : terraform
    }
  }

  /// One input the definition sets from the template.
  struct Input: Sendable {
    /// Where the input's value comes from.
    enum Source: Sendable {
      /// A fixed value (`hosted_zones: 1` per zone), attributed to the resource type.
      case constant(String)
      /// A number, divided by `divisor` (MiB to GiB).
      case number(PropertyPath, divisor: Int)
      /// One of the values of a map.
      case choice(PropertyPath, ValueMap)
      /// The number of a list's items, plus `plus` (a secret and its replicas).
      case count(PropertyPath, plus: Int)
    }

    var name: String
    var source: Source
    /// The value when the property is absent (AWS's default), if any.
    var defaultValue: String?
    /// The first item of a list property (Lambda's one-item `Architectures`).
    var firstItem = false
    /// In a Terraform plan, a value known only after apply is the provider's default (AWS
    /// fills it in), not an input to ask for.
    var afterApplyIsDefault = false
  }

  /// A test on one property that decides the resource's fate or adds a note.
  struct Condition: Sendable {
    /// What a condition that holds does.
    enum Outcome: Sendable {
      /// The resource costs nothing.
      case free
      /// The resource is not priced, and why.
      case notPriced
      /// A located error (an invalid value), and the resource is not priced.
      case error
      /// A note for the user (`billcast init` writes it as a comment).
      case note
    }

    /// The test on the property's text.
    enum Test: Sendable {
      /// The value is one of these.
      case isIn([String: [String]])
      /// The value is none of these.
      case isNotIn([String: [String]])
      /// A number below this.
      case below(ExactDecimal)
      /// The property is set (a list, to at least one item).
      case present
      /// The property is not set (or is an empty list).
      case absent
    }

    var at: PropertyPath
    /// The value AWS takes when the property is absent; with none, an absent property passes only `absent`.
    var absentValue: String?
    var test: Test
    var outcome: Outcome
    /// The message: `{value}` is the property's value, `{property}` its name.
    var message: String
  }

  /// Which service the resource prices as.
  enum Service: Sendable {
    /// Always this one.
    case fixed(String)
    /// Chosen by a property's value, with the service when it is absent.
    case chosen(PropertyPath, ValueMap, absent: String?)
    /// None: the resource costs nothing by itself (its use is billed elsewhere), and why.
    case free(String)
    /// None of its own: it is priced with another resource (``PartOf``).
    case owner
  }

  /// A resource priced with another, linked by a property of its own or of the other.
  struct PartOf: Sendable {
    /// How the owner is found.
    enum Link: Sendable {
      /// The resource this property names (a `Ref`, `Fn::GetAtt` or, for CloudFormation, a
      /// physical name of `names` kind: `cluster` or `function`; a plan's configuration reference).
      case target(PropertyPath, names: String?)
      /// The first resource of these types whose property names this one.
      case referrer([TemplateFormat: [String]], PropertyPath)
    }

    var link: Link
    /// A test the resource must pass to be part of its owner (its values per format).
    var when: (at: PropertyPath, values: [String])?
    /// Why the resource is not priced when it has no owner.
    var otherwise: String
  }

  /// The definition's name in its file (`queue`).
  var name: String
  /// The resource types it covers, per format.
  var types: [TemplateFormat: [String]]
  var service: Service
  /// Usage inputs the profile must give even where the service has a default.
  var required: [String] = []
  var inputs: [Input] = []
  /// Tested in order, before the inputs are read: the first free, not-priced or error outcome
  /// that holds decides the resource; notes that hold are all kept.
  var conditions: [Condition] = []
  /// Irregular rules, by name, applied after the inputs (``IrregularRules``).
  var rules: [String] = []
  /// When set, the resource is priced with the resource it links to, never on its own.
  var partOf: PartOf?
  /// Where the definition is written.
  var location: SourceLocation
}
