import BillcastCore

/// Pricing rules both template formats share: a CloudFormation mapper and a Terraform mapper
/// find the values under their own property names, then apply the same rule here.
extension ComponentDraft {
  /// What an ECS service's launch type (or capacity providers) means for its price: free on EC2
  /// (the instances are priced), not priced on Fargate Spot; nil for Fargate, which is priced.
  static func ecsLaunch(_ launchType: String?, capacityProviders: [String]) -> ResourceDisposition? {
    let launch =
      launchType
      ?? (capacityProviders.isEmpty
        ? "EC2"
        : capacityProviders.allSatisfy { $0 == "FARGATE" } ? "FARGATE" : capacityProviders.joined(separator: "+"))
    if launch == "EC2" || launch == "EXTERNAL" { return .free }
    return launch == "FARGATE" ? nil : .notPriced("ECS on \(launch) is not priced yet (only FARGATE)")
  }

  /// CloudFront's viewer protocol: with every cache behaviour `redirect-to-https` or
  /// `https-only`, viewers' requests are HTTPS, so the HTTP request inputs are 0.
  mutating func viewerProtocols(_ policies: [TemplateNode], property: String) {
    guard let first = policies.first,
      policies.allSatisfy({ ["redirect-to-https", "https-only"].contains($0.text ?? "") })
    else { return }
    set("http_requests", "0", property: property, at: first.location)
    set("http_requests_europe", "0", property: property, at: first.location)
    notes.append("every cache behaviour is \(first.text!): viewers' requests are HTTPS (https_requests)")
  }

  /// CloudFront's price class: the geographies it has no edge location in are ruled out.
  mutating func priceClass(_ node: TemplateNode?) {
    guard let node, let name = node.text else { return }
    let outside: [String]
    switch name {
    case "PriceClass_100":
      outside = ["south_africa_middle_east", "south_america", "japan", "australia_nz", "asia_pacific", "india"]
    case "PriceClass_200": outside = ["south_america", "australia_nz"]
    default: outside = []
    }
    let why =
      "\(name) (\(node.location.short)) serves no edge location there: those viewers are served, and billed, from the price class's edges"
    for region in outside {
      for input in ["transfer_out_gb_", "http_requests_", "https_requests_"] { excluded[input + region] = why }
    }
  }

  /// Aurora engines as templates name them, and as the pricing tables do.
  static let auroraEngines = ["aurora-postgresql": "postgresql", "aurora-mysql": "mysql", "aurora": "mysql"]

  /// Aurora Serverless capacity: `acu` from the scaling configuration's minimum to maximum
  /// (times the cluster's `db.serverless` instances for v2); a v2 minimum above 0 never pauses,
  /// so the cluster is awake all month.
  mutating func auroraCapacity(
    low: TemplateNode?, high: TemplateNode?, at scaling: TemplateNode, property: String, minimumKey: String, v1: Bool,
    instances: Int
  ) {
    guard let low, let high else { return }
    guard let l = low.text, let h = high.text else {
      return unresolved("acu", property: property, node: low.text == nil ? low : high)
    }
    let range = l == h ? l : "\(l)..\(h)"
    set("acu", !v1 && instances > 1 ? "\(instances) * (\(range))" : range, property: property, at: scaling.location)
    if !v1, let minimum = try? ExactDecimal.parse(l).get(), minimum > .zero {
      set("active_hours", "month_hours", property: "\(property).\(minimumKey)", at: low.location)
      notes.append("\(minimumKey) \(l) keeps the cluster awake all month (only 0 ACU pauses)")
    }
  }

  /// The names of an EBS volume's properties in one format.
  struct VolumeNames {
    var type: String, size: String, iops: String, throughput: String
  }

  /// The EBS volume types billcast does not price yet.
  static let unpricedVolumeTypes = ["io1", "io2", "sc1", "st1", "standard"]

  /// An EBS volume: gp2 or gp3 priced (`defaultType` when the template leaves the type out), the
  /// other EBS types not priced yet, anything else a located error. `iops` and `throughput` are
  /// the format's nodes, nil when absent.
  static func ebsVolume(
    id: String, type resourceType: String, _ v: TemplateNode, names: VolumeNames, iops: TemplateNode?,
    throughput: TemplateNode?,
    defaultType: String, diagnostics: DiagnosticCollector
  ) -> ResourceDisposition {
    if let node = v[names.type], let given = node.text, !["gp2", "gp3"].contains(given) {
      guard unpricedVolumeTypes.contains(given) else {
        diagnostics.add(
          node.location.diagnostic(
            .error,
            "\(names.type) '\(TerminalText.excerpt(given))' is not an EBS volume type; expected one of: \((["gp2", "gp3"] + unpricedVolumeTypes).joined(separator: ", "))"
          ))
        return .notPriced("\(names.type) '\(given)' is not an EBS volume type")
      }
      return .notPriced("EBS \(given) volumes are not priced yet (only gp2 and gp3)")
    }
    var d = ComponentDraft(id: id, type: resourceType, service: "aws.ebs", location: v.location)
    d.choice(
      "volume_type", v[names.type], property: names.type, values: ["gp2": "gp2", "gp3": "gp3"], diagnostics: diagnostics
    )
    d.setDefault("volume_type", defaultType, property: names.type)
    d.number("storage_gb", v[names.size], property: names.size, diagnostics: diagnostics)
    d.number("iops", iops, property: names.iops, diagnostics: diagnostics)
    d.number("throughput_mbps", throughput, property: names.throughput, diagnostics: diagnostics)
    return .priced(d)
  }

  /// Provisioned Concurrency for the whole month (the template keeps it configured): the sum of
  /// the executions of every configuration of the function (its own, every alias's and version's).
  /// `property` names the executions, `source` the configurations.
  mutating func provision(
    _ configurations: [TemplateNode], property: String, source: String, diagnostics: DiagnosticCollector
  ) {
    guard let first = configurations.first else { return }
    if configurations.count == 1 {
      number("provisioned_concurrency", first, property: property, diagnostics: diagnostics)
    } else {
      var total = ExactDecimal.zero
      for node in configurations {
        guard let text = node.text else {
          return unresolved("provisioned_concurrency", property: property, node: node)
        }
        guard case .success(let value) = ExactDecimal.parse(text.trimmingCharacters(in: .whitespaces)) else {
          diagnostics.add(
            node.location.diagnostic(.error, "\(property) is '\(TerminalText.excerpt(text))', not a number"))
          return
        }
        let (sum, overflow) = total.addingReportingOverflow(value)
        guard !overflow else {
          return diagnostics.add(
            node.location.diagnostic(.error, "the \(property) of the function add up past any number billcast holds"))
        }
        total = sum
      }
      set(
        "provisioned_concurrency", total.description,
        property: "\(property) (\(configurations.count) configurations)", at: first.location)
    }
    set("provisioned", "yes", property: source, at: first.location)
    set("provisioned_hours", "month_hours", property: source, at: first.location)
  }

  /// A REST API stage's cache when `enabled` is true (0.5 GB unless `size` says otherwise);
  /// unresolved when the flag is not known statically.
  mutating func stageCache(
    enabled: TemplateNode?, size: TemplateNode?, sizeProperty: String, diagnostics: DiagnosticCollector
  ) {
    guard let enabled else { return }
    if enabled.unknownReason != nil { return unresolved("cache_gb", property: "CacheClusterEnabled", node: enabled) }
    guard enabled.boolean("CacheClusterEnabled", diagnostics: diagnostics) == true else { return }
    let node = size ?? TemplateNode(.scalar("0.5"), enabled.location)
    // AWS's larger cache sizes are valid but not priced yet: left out with a warning, never an error or $0.
    if let text = node.text, Self.unpricedCacheSizes.contains(text) {
      unpricedParts.append(
        (
          "\(id) cache", "a \(text) GB stage cache is not priced yet (only 0.5 and 1.6 GB); the estimate leaves it out",
          node.location
        ))
      return
    }
    choice(
      "cache_gb", node, property: sizeProperty, values: ["0.5": "0.5gb", "1.6": "1.6gb"], diagnostics: diagnostics)
  }

  /// API Gateway's stage cache sizes (GB) beyond the two billcast prices.
  static let unpricedCacheSizes: Set = ["6.1", "13.5", "28.4", "58.2", "118", "237"]
}
