import BillcastCore

/// One rates entry of a region's rates file: `aws.lambda/duration[x86_64]: {tiers, source, sku}`.
struct RatesEntry {
  /// The entry's key, for errors about the entry as a whole.
  var keyCursor: YAMLCursor
  /// The entry's price body.
  var value: YAMLCursor
}
