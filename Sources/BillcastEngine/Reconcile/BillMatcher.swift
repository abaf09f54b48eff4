import BillcastBill
import BillcastCore
import BillcastPricing
import BillcastProfile

/// Finds the component and meter of the profile a bill row is for.
///
/// In order: the architecture's own filters (`reconcile: {accounts, tags}`); the component, by
/// the `aws:cloudformation:logical-id` tag (a template's components are named by logical ID) or
/// the profile's rules (tags, resource IDs, logical IDs); then the meter, by the Price List
/// identity (offer code and usage type, without the profile region's prefix), the SKU, or the usage
/// type alone when one account meter has it (data transfer billed under the service that sent it),
/// among the component's meters, or the architecture's when no component was found.
struct BillMatcher {
  /// What a row was matched to.
  enum Match: Equatable {
    /// An account meter, and the component when the row names it.
    case meter(MeterKey, component: String?)
    /// A component the row names, none of whose meters bills its usage type.
    case componentOnly(String)
    /// Not this architecture's: another account or without its tags.
    case outside(String)
    /// Nothing in the profile.
    case unknown
  }

  /// A meter a row can bill: its account meter, the component using it, and the bill's units per meter unit.
  struct Target {
    var key: MeterKey
    var component: String
    var scale: ExactDecimal
  }

  let region: String
  let rules: ReconcileRules
  private let prefix: String?
  private var byUsageType: [String: [Target]] = [:]
  private var bySKU: [String: [Target]] = [:]
  /// By usage type alone, for a bill that names another offer (data transfer billed under the
  /// service that sent it, `AmazonS3`, rather than `AWSDataTransfer`).
  private var byUsageTypeOnly: [String: [Target]] = [:]
  private var componentNames: Set<String> = []
  private var byLogicalID: [String: String] = [:]
  /// Tag keys in their compared form, remembered: a bill repeats a handful of keys on every row.
  private let keys = TagKeyCache()
  /// Each account meter's scale (bill units per meter unit).
  private(set) var scales: [MeterKey: ExactDecimal] = [:]

  /// The targets of an architecture's components, priced in a region on a date.
  init(architecture: ResolvedArchitecture, catalog: PricingCatalog, region: String, on date: CalendarDate) {
    self.region = region
    rules = architecture.architecture.reconcile
    prefix = PriceListRegions.prefixes[region]
    for component in architecture.components {
      let name = component.component.name
      componentNames.insert(name)
      byLogicalID[name] = name
      // A nested stack's resource is `Stack/LogicalID`; AWS tags it with its own logical ID.
      if let last = name.split(separator: "/").last, last != Substring(name) {
        byLogicalID[String(last)] = byLogicalID[String(last)] == nil ? name : ""
      }
      for role in component.meters(on: date) {
        guard case .priced(let meter) = role,
          let (key, ladder, _) = component.accountMeter(for: meter, catalog: catalog, region: region, on: date)
        else { continue }
        // A rates entry may name its SKU without the model naming an identity: matched by SKU alone.
        let scale = ladder.priceList?.scale ?? .one
        let target = Target(key: key, component: name, scale: scale)
        scales[key] = scale
        if let identity = ladder.priceList {
          for usageType in Set(identity.usageTypes + (ladder.usageType.map { [$0] } ?? [])) {
            byUsageType[identity.offer + "|" + usageType, default: []].append(target)
            byUsageTypeOnly[usageType, default: []].append(target)
          }
        }
        if let sku = ladder.sku { bySKU[sku, default: []].append(target) }
      }
    }
    for (name, rule) in rules.components {
      for id in rule.logicalIDs { byLogicalID[id] = name }
    }
  }

  /// The match of a usage row.
  func match(_ row: BillRow) -> Match {
    if !row.provider.isEmpty && !["AWS", "Amazon Web Services", "Amazon Web Services, Inc."].contains(row.provider) {
      return .outside("another provider's charge (\(row.provider))")
    }
    if !rules.accounts.isEmpty && !rules.accounts.contains(row.account) {
      return .outside("not this architecture's: account \(row.account) is not one of reconcile.accounts")
    }
    var tags: [String: String] = [:]
    for (key, value) in row.tags where tags[keys.normalised(key)] == nil { tags[keys.normalised(key)] = value }
    for (key, value) in rules.tags where tags[BillTags.normalised(key)] != value {
      return .outside("not this architecture's: without the tag \(key)=\(value) of reconcile.tags")
    }
    let component = component(of: row, tags: tags)
    let usageType = usageType(of: row)
    var targets = byUsageType[row.serviceCode + "|" + usageType] ?? []
    if targets.isEmpty, !row.sku.isEmpty { targets = bySKU[row.sku] ?? [] }
    if targets.isEmpty, let any = byUsageTypeOnly[usageType], any.allSatisfy({ $0.key == any[0].key }) {
      targets = any
    }
    if let component {
      guard let target = targets.first(where: { $0.component == component }) else { return .componentOnly(component) }
      return .meter(target.key, component: component)
    }
    guard let target = targets.first else { return .unknown }
    return .meter(target.key, component: nil)
  }

  /// A row's usage type without the profile region's prefix (`USE1-Lambda-GB-Second` → `Lambda-GB-Second`).
  func usageType(of row: BillRow) -> String {
    guard let prefix, row.usageType.hasPrefix(prefix + "-") else { return row.usageType }
    return String(row.usageType.dropFirst(prefix.count + 1))
  }

  /// The component a row names: by logical ID, then by the profile's rules.
  func component(of row: BillRow, tags: [String: String]) -> String? {
    if let id = tags["aws_cloudformation_logical_id"], let name = byLogicalID[id], !name.isEmpty { return name }
    for (name, rule) in rules.components.sorted(by: { $0.key < $1.key }) {
      if !rule.tags.isEmpty && rule.tags.allSatisfy({ tags[BillTags.normalised($0.key)] == $0.value }) { return name }
      if !row.resourceId.isEmpty
        && rule.resources.contains(where: {
          row.resourceId == $0 || row.resourceId.hasSuffix("/" + $0) || row.resourceId.hasSuffix(":" + $0)
        })
      {
        return name
      }
    }
    return nil
  }
}
