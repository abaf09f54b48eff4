import BillcastCore

/// Lambda@Edge: a Lambda function that a CloudFront distribution associates with a cache
/// behaviour runs at CloudFront's edge locations and is billed at Lambda@Edge's own rates, with
/// no free tier (about three times regional Lambda's). Code, because the distribution says so and
/// not the function: a definition reads one resource, and this changes another's service.
extension IrregularRules {
  /// Where a plan's distribution names its functions: nested blocks, whose references the plan
  /// reader keeps under their dotted paths.
  static let edgeFunctionAttributes = [
    "default_cache_behavior.lambda_function_association.lambda_arn",
    "ordered_cache_behavior.lambda_function_association.lambda_arn",
  ]

  /// The types of a Lambda function, in both formats.
  private static let functionTypes: Set = ["AWS::Lambda::Function", "AWS::Serverless::Function", "aws_lambda_function"]

  /// Every function a distribution of the templates or plan associates with a cache behaviour
  /// (`LambdaFunctionAssociations`, `lambda_function_association`) becomes an `aws.lambda-edge`
  /// component: its requests and duration are billed at Lambda@Edge's rates.
  static func lambdaAtEdge(
    _ resources: [DefinedResource], _ dispositions: inout [ResourceDisposition], index: [String: Int],
    diagnostics: DiagnosticCollector
  ) {
    var edge: [(function: String, distribution: String)] = []
    func add(_ function: String, _ distribution: String) {
      if !edge.contains(where: { $0.function == function }) { edge.append((function, distribution)) }
    }
    for r in resources where r.type == "AWS::CloudFront::Distribution" {
      for arn in associatedFunctionARNs(r) {
        if let function = edgeFunction(arn, of: r, resources, index: index, diagnostics: diagnostics) {
          add(function, r.id)
        }
      }
    }
    for r in resources where r.type == "aws_lambda_function" {
      let distributions = edgeFunctionAttributes.flatMap {
        r.links?.referrers(to: r.id, type: "aws_cloudfront_distribution", at: $0, names: nil) ?? []
      }
      if let distribution = distributions.first { add(r.id, distribution) }
    }
    for (function, distribution) in edge {
      guard let i = index[function], case .priced(var d) = dispositions[i] else { continue }
      d.runAtEdge(distribution: distribution)
      dispositions[i] = .priced(d)
    }
  }

  /// The `LambdaFunctionARN` of every association of a distribution's default and other cache behaviours.
  private static func associatedFunctionARNs(_ r: DefinedResource) -> [TemplateNode] {
    guard let config = r.properties["DistributionConfig"] else { return [] }
    let behaviours = [config["DefaultCacheBehavior"]] + (config["CacheBehaviors"]?.items ?? []).map { $0 }
    return behaviours.compactMap { $0?["LambdaFunctionAssociations"]?.items }.joined().compactMap {
      $0["LambdaFunctionARN"]
    }
  }

  /// The function of the templates an association's ARN names: a function's (SAM's
  /// `Function.Version`) or a version's (`AWS::Lambda::Version`, whose function is its
  /// `FunctionName`). An ARN that cannot be told is a warning: a function it names would be
  /// priced at regional rates. A literal ARN names a function of another stack: nothing to change.
  private static func edgeFunction(
    _ arn: TemplateNode, of r: DefinedResource, _ resources: [DefinedResource], index: [String: Int],
    diagnostics: DiagnosticCollector
  ) -> String? {
    if arn.text != nil { return nil }
    var target = arn.referencedResource
    if let t = target, let i = index[t], resources[i].type == "AWS::Lambda::Version" {
      target = r.links?.target(of: t, at: "FunctionName", names: "function")
    }
    if let target, let i = index[target], functionTypes.contains(resources[i].type) { return target }
    let why =
      arn.referencedResource.map { "it names \($0), not a Lambda function or version of the templates" }
      ?? arn.unknownReason ?? "it is not a plain value"
    diagnostics.add(
      arn.location.diagnostic(
        .warning,
        "\(r.id): the Lambda@Edge function of LambdaFunctionARN cannot be told (\(why)); if it is a function of these templates, it is priced at regional Lambda rates, not Lambda@Edge's"
      ))
    return nil
  }
}
