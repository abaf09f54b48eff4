import BillcastBill

/// Tag keys in the form they are compared in (``BillTags/normalised(_:)``), each worked out once.
///
/// A class, so that the matcher's `match` stays non-mutating; a matcher is used by one thread.
final class TagKeyCache {
  private var forms: [String: String] = [:]

  /// The most keys remembered (a hostile bill may invent a key per row).
  static let limit = 4096

  /// A key's compared form.
  func normalised(_ key: String) -> String {
    if let form = forms[key] { return form }
    let form = BillTags.normalised(key)
    if forms.count < Self.limit { forms[key] = form }
    return form
  }
}
