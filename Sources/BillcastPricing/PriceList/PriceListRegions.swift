import BillcastCore

/// Region codes, their Price List location names and their usage-type prefixes.
package enum PriceListRegions {
  /// Location names as the Price List writes them, by region code.
  static let locations: [String: String] = [
    "US East (N. Virginia)": "us-east-1", "US East (Ohio)": "us-east-2", "US West (N. California)": "us-west-1",
    "US West (Oregon)": "us-west-2", "Canada (Central)": "ca-central-1", "EU (Ireland)": "eu-west-1",
    "EU (London)": "eu-west-2", "EU (Paris)": "eu-west-3", "EU (Frankfurt)": "eu-central-1",
    "EU (Stockholm)": "eu-north-1", "EU (Milan)": "eu-south-1", "Asia Pacific (Tokyo)": "ap-northeast-1",
    "Asia Pacific (Seoul)": "ap-northeast-2", "Asia Pacific (Osaka)": "ap-northeast-3",
    "Asia Pacific (Singapore)": "ap-southeast-1", "Asia Pacific (Sydney)": "ap-southeast-2",
    "Asia Pacific (Mumbai)": "ap-south-1", "South America (Sao Paulo)": "sa-east-1",
  ]

  /// Usage-type prefixes by region code (AWS's "Region billing codes"; eu-west-1's is `EU`).
  package static let prefixes: [String: String] = [
    "us-east-1": "USE1", "us-east-2": "USE2", "us-west-1": "USW1", "us-west-2": "USW2", "ca-central-1": "CAN1",
    "eu-west-1": "EU", "eu-west-2": "EUW2", "eu-west-3": "EUW3", "eu-central-1": "EUC1", "eu-north-1": "EUN1",
    "eu-south-1": "EUS1", "ap-northeast-1": "APN1", "ap-northeast-2": "APN2", "ap-northeast-3": "APN3",
    "ap-southeast-1": "APS1", "ap-southeast-2": "APS2", "ap-south-1": "APS3", "sa-east-1": "SAE1",
  ]

  /// The region of a product, from its normalised attributes.
  static func region(of attributes: [String: String]) -> String? {
    if let code = attributes["regioncode"], !code.isEmpty { return code }
    if let code = attributes["fromregioncode"], !code.isEmpty { return code }
    if let name = attributes["location"], let code = locations[name] { return code }
    if let name = attributes["fromlocation"], let code = locations[name] { return code }
    return nil
  }

  /// A usage type without the region's own prefix: only `CODE-` where CODE is that region's
  /// billing code is removed (`Global-` and CloudFront's edge groups are part of the identity).
  package static func strip(_ usageType: String, region: String?) -> String {
    guard let region, let code = prefixes[region], usageType.hasPrefix(code + "-") else { return usageType }
    return String(usageType.dropFirst(code.count + 1))
  }

  /// An attribute name normalised: lower case letters and digits only.
  static func normalised(_ name: String) -> String {
    String(
      String.UnicodeScalarView(
        name.lowercased().unicodeScalars.filter { ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") }))
  }
}
