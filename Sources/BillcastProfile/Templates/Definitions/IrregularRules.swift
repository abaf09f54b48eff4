import BillcastCore

/// The pricing rules a resource definition cannot state as data, by the name definitions give
/// them under `rules:`. Each says why it is code.
enum IrregularRules {
  /// A rule: it may change the draft, and may decide the resource otherwise (not priced).
  typealias Rule = @Sendable (inout ComponentDraft, DefinedResource, DiagnosticCollector) -> ResourceDisposition?

  static let rules: [String: Rule] = [
    "lambda-one-architecture": lambdaOneArchitecture,
    "log-type": logType,
    "sam-api-cache": samAPICache,
    "cloudfront-behaviours": cloudFrontBehaviours,
    "app-runner-size": appRunnerSize,
    "ebs-volume": ebsVolume,
    "ec2-instance": ec2Instance,
    "elastic-ip": elasticIP,
    "ecs-fargate": ecsFargate,
    "aurora-serverless": auroraServerless,
    "db-instance": dbInstance,
    "schedule": schedule,
    "efs-file-system": efsFileSystem,
    "sam-simple-table-capacity": samSimpleTableCapacity,
    "autoscaling-group": autoScalingGroup,
    "elasticache-replication-group": elastiCacheReplicationGroup,
  ]

  /// The rules' names, for checking definitions.
  static var names: Set<String> { Set(rules.keys) }

  /// Applies the named rule.
  static func apply(_ name: String, to d: inout ComponentDraft, _ r: DefinedResource, diagnostics: DiagnosticCollector)
    -> ResourceDisposition?
  {
    rules[name]?(&d, r, diagnostics)
  }

  /// Lambda takes exactly one architecture, but the property is a list: data reads its first
  /// item; a list of any other length is an error, with SAM's Globals merge named as the likely cause.
  static func lambdaOneArchitecture(_ d: inout ComponentDraft, _ r: DefinedResource, _ diagnostics: DiagnosticCollector)
    -> ResourceDisposition?
  {
    let property = r.format == .cloudFormation ? "Architectures" : "architectures"
    guard let node = r.properties[property], let items = node.items, items.count != 1 else { return nil }
    let names = items.map { $0.text ?? $0.kindName }.joined(separator: ", ")
    let sam =
      r.type == "AWS::Serverless::Function"
      ? " (SAM adds Globals' Architectures to the function's: use IgnoreGlobals: [Architectures] or set it in one place)"
      : ""
    diagnostics.add(
      node.location.diagnostic(
        .error,
        "\(property) lists \(items.count) architectures (\(TerminalText.excerpt(names))); Lambda takes exactly one\(sam)"
      ))
    return nil
  }

  /// A log group's type (Lambda's own logs or custom) is a prefix test on its name, and in a
  /// CloudFormation template the name is often an `Fn::Sub` whose text is enough for the test.
  static func logType(_ d: inout ComponentDraft, _ r: DefinedResource, _ diagnostics: DiagnosticCollector)
    -> ResourceDisposition?
  {
    let property = r.format == .cloudFormation ? "LogGroupName" : "name"
    let node = r.properties[property]
    let raw = r.raw?[property]
    let name = node?.text ?? raw?["Fn::Sub"]?.text ?? raw?.text ?? ""
    d.set(
      "log_type", name.hasPrefix("/aws/lambda/") ? "lambda" : "custom", property: property,
      at: (r.format == .cloudFormation ? (raw ?? r.raw)?.location : node?.location) ?? r.location)
    return nil
  }

  /// A SAM API's stage cache: its size is a choice only when caching is enabled, and whether it
  /// is may be a condition the template cannot decide.
  static func samAPICache(_ d: inout ComponentDraft, _ r: DefinedResource, _ diagnostics: DiagnosticCollector)
    -> ResourceDisposition?
  {
    d.stageCache(
      enabled: r.properties["CacheClusterEnabled"], size: r.properties["CacheClusterSize"],
      sizeProperty: "CacheClusterSize", diagnostics: diagnostics)
    return nil
  }

  /// CloudFront's viewer protocols hold across all cache behaviours (a list the data cannot
  /// quantify over), and a price class rules out a set of geographies.
  static func cloudFrontBehaviours(_ d: inout ComponentDraft, _ r: DefinedResource, _ diagnostics: DiagnosticCollector)
    -> ResourceDisposition?
  {
    let p = r.properties
    if r.format == .cloudFormation {
      let config = p["DistributionConfig"]
      let behaviours = [config?["DefaultCacheBehavior"]].compactMap { $0 } + (config?["CacheBehaviors"]?.items ?? [])
      d.viewerProtocols(behaviours.compactMap { $0["ViewerProtocolPolicy"] }, property: "ViewerProtocolPolicy")
      d.priceClass(config?["PriceClass"])
    } else {
      let behaviours = [p.at("default_cache_behavior.0")].compactMap { $0 } + (p["ordered_cache_behavior"]?.items ?? [])
      d.viewerProtocols(behaviours.compactMap { $0["viewer_protocol_policy"] }, property: "viewer_protocol_policy")
      d.priceClass(p["price_class"])
    }
    return nil
  }

  /// App Runner's size is CPU and memory written in either of two units (`1024` or `1 vCPU`),
  /// with AWS's 1 vCPU / 2 GB when absent; automatic deployments (in either format) add a
  /// monthly charge, and CloudFormation's default for them depends on the kind of source.
  static func appRunnerSize(_ d: inout ComponentDraft, _ r: DefinedResource, _ diagnostics: DiagnosticCollector)
    -> ResourceDisposition?
  {
    let p = r.properties
    let (cpu, memory) =
      r.format == .cloudFormation
      ? (p.at("InstanceConfiguration.Cpu"), p.at("InstanceConfiguration.Memory"))
      : (p.at("instance_configuration.0.cpu"), p.at("instance_configuration.0.memory"))
    d.size(
      cpu: cpu ?? TemplateNode(.scalar("1024"), r.location),
      memory: memory ?? TemplateNode(.scalar("2048"), r.location),
      diagnostics: diagnostics)
    let (path, name) =
      r.format == .cloudFormation
      ? ("SourceConfiguration.AutoDeploymentsEnabled", "AutoDeploymentsEnabled")
      : ("source_configuration.0.auto_deployments_enabled", "auto_deployments_enabled")
    guard let auto = p.at(path) else {
      // AWS's default: on for a source code repository or an ECR image (taken to be the
      // service's own account's), off for an ECR Public image.
      let source = p["SourceConfiguration"]
      let imageType = source?.at("ImageRepository.ImageRepositoryType")?.text
      if r.format == .cloudFormation, source?["CodeRepository"] != nil || imageType == "ECR" {
        d.set("auto_deployments", "1", property: "\(path) (AWS's default for this source)", at: r.location)
      }
      return nil
    }
    if auto.unknownReason != nil {
      d.unresolved("auto_deployments", property: path, node: auto)
    } else if auto.boolean(name, diagnostics: diagnostics) == true {
      d.set("auto_deployments", "1", property: path, at: auto.location)
    }
    return nil
  }

  /// A SAM SimpleTable is on demand unless `ProvisionedThroughput` is given: the mode follows
  /// from whether an object property is there at all, which data can only map from a value.
  static func samSimpleTableCapacity(
    _ d: inout ComponentDraft, _ r: DefinedResource, _ diagnostics: DiagnosticCollector
  )
    -> ResourceDisposition?
  {
    guard let throughput = r.properties["ProvisionedThroughput"] else { return nil }
    if throughput.unknownReason != nil {
      d.unresolved("capacity_mode", property: "ProvisionedThroughput", node: throughput)
    } else {
      d.set("capacity_mode", "provisioned", property: "ProvisionedThroughput", at: throughput.location)
    }
    return nil
  }
}
