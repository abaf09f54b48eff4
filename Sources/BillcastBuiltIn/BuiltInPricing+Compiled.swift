import BillcastCore
import BillcastPricing
import Foundation

/// The snapshot of the built-in tables compiled into billcast.
///
/// At build time, `embed-pricing-snapshot` (run by the `EmbedData` plugin) reads the tables of
/// `pricing/` from their YAML with every check (every region's, with the standard limits) and
/// writes each table's snapshot encoding as base64 into `BuiltInSnapshot.swift`, with the
/// built-in digest and effective date. Each table is encoded on its own, so a run decodes only
/// the tables of its region. `BuiltInPricingTests` checks that it decodes to exactly the tables
/// the YAML gives.
extension BuiltInPricing {
  /// One compiled built-in table.
  struct CompiledTable: Sendable {
    /// The table's id, like `aws/us-east-1`.
    let id: String
    /// The table's region (`global` for the region-less ones).
    let region: String
    /// Whether the table is read whatever regions are asked for: a whole table, not a region's
    /// rates composed with the provider's models.
    let always: Bool
    /// The table's snapshot encoding, in base64 (line breaks ignored).
    let base64: String
  }

  /// The built-in catalog for `wanted` regions (nil: all) from the compiled snapshot, or nil if
  /// any table of it does not decode whole.
  static func compiledCatalog(regions wanted: Set<String>?) -> PricingCatalog? {
    var tables: [PricingTable] = []
    for table in snapshotTables where table.always || (wanted?.contains(table.region) ?? true) {
      guard let data = Data(base64Encoded: table.base64, options: .ignoreUnknownCharacters) else { return nil }
      var reader = SnapshotReader([UInt8](data))
      guard let decoded = try? reader.read(PricingTable.self), reader.isAtEnd, decoded.id == table.id else {
        return nil
      }
      tables.append(decoded)
    }
    return PricingCatalog(tables: tables)
  }
}
