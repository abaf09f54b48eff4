import BillcastCore

/// One use of a service, with its inputs.
public struct Component: Sendable {
  /// The component's name within its architecture.
  public var name: String
  /// The label reports show, like `S3 (uploads)`; nil to derive one.
  public var label: String?
  /// The service id, like `aws.lambda`.
  public var service: String
  /// A description of the component, if given.
  public var description: String?
  /// The inputs as written; their meaning (number, range, formula or choice)
  /// depends on the service's input, so they are interpreted when the profile
  /// is checked against the pricing tables.
  public var inputs: [ComponentInput]
  /// Where the component's name is in the profile, for errors.
  public var location: SourceLocation
  /// Where the component's `service` value is, for errors about the service.
  public var serviceLocation: SourceLocation
  /// For a component read from a template, where its usage goes in the profile
  /// (`architectures.web.usage.NuxtLambdaFunction`), so errors about missing usage say so.
  public var usagePath: String? = nil
}
