import Foundation

/// A Bulk JSON offer written for a test: AWS Lambda products of one region, one per line, with
/// whatever strings, prices and dates the test needs (hostile ones included).
struct OfferFixture {
  /// One product and its on-demand term (one price dimension).
  struct Product {
    var sku: String
    var usageType = "Request"
    var unit = "Requests"
    var usd = "0.0000002000"
    /// The term's `effectiveDate`; nil leaves it out.
    var effective: String? = "2026-11-01T00:00:00Z"
    var regionCode = "us-east-1"
    var location = "US East (N. Virginia)"
    /// Extra attribute members, raw JSON (`"usagetype": "X"` to repeat a key).
    var extraAttributes = ""

    /// Lambda's request product in us-east-1 (the tables' rate $0.20 per million) at a price per request.
    static func requests(usd: String = "0.0000002000", sku: String = "GU2ZS9HVP6QTQ7KE") -> Product {
      Product(sku: sku, usd: usd)
    }
  }

  var offerCode = "AWSLambda"
  var version = "20261201000000"
  var published = "2026-12-01T00:00:00Z"
  var products: [Product] = []
  /// Raw JSON members added after the header (`"publicationDate": "…"` to repeat a key).
  var extraHeader = ""

  /// A JSON string literal: quotes, backslashes and control characters escaped.
  static func quoted(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      default:
        if scalar.value < 0x20 {
          out += String(format: "\\u%04X", scalar.value)
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }

  /// The offer's text: the header on lines 1-5, `"products"` on line 6, then a product a line from line 7, then terms.
  var json: String {
    let q = Self.quoted
    var lines = [
      "{", "  \"formatVersion\": \"v1.0\",", "  \"offerCode\": \(q(offerCode)),", "  \"version\": \(q(version)),",
      "  \"publicationDate\": \(q(published)),\(extraHeader.isEmpty ? "" : " " + extraHeader + ",")",
      "  \"products\": {",
    ]
    for (i, p) in products.enumerated() {
      lines.append(
        "    \(q(p.sku)): {\"sku\": \(q(p.sku)), \"productFamily\": \"Serverless\", \"attributes\": {\"servicecode\": \"AWSLambda\", \"location\": \(q(p.location)), \"usagetype\": \(q(p.usageType)), \"regionCode\": \(q(p.regionCode))\(p.extraAttributes.isEmpty ? "" : ", " + p.extraAttributes)}}"
          + (i < products.count - 1 ? "," : ""))
    }
    lines += ["  },", "  \"terms\": {\"OnDemand\": {"]
    for (i, p) in products.enumerated() {
      let code = p.sku + ".JRTCKXETXF"
      let date = p.effective.map { "\"effectiveDate\": \(q($0)), " } ?? ""
      lines.append(
        "    \(q(p.sku)): {\(q(code)): {\"sku\": \(q(p.sku)), \(date)\"priceDimensions\": {\(q(code + ".6YS6EN2CT7")): {\"rateCode\": \(q(code + ".6YS6EN2CT7")), \"beginRange\": \"0\", \"endRange\": \"Inf\", \"unit\": \(q(p.unit)), \"pricePerUnit\": {\"USD\": \(q(p.usd))}}}}}"
          + (i < products.count - 1 ? "," : ""))
    }
    lines += ["  }}", "}", ""]
    return lines.joined(separator: "\n")
  }

  /// Writes the offer as `name` in `directory`; returns its name.
  @discardableResult
  func write(_ name: String, in directory: URL) throws -> String {
    try json.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
    return name
  }
}
