import ArgumentParser
import BillcastBuiltIn
import BillcastPricing

/// billcast's version, as `--version` prints it and the release archive is named.
package enum BillcastVersion {
  /// The release number (`scripts/release.sh` names the archive after it).
  package static let number = "0.2.0"

  /// `0.2.0 (built-in pricing effective 2026-11-30, version af50bbcfab85)`.
  package static var text: String {
    "\(number) (built-in pricing effective \(BuiltInPricing.effective), version \(BuiltInPricing.version))"
  }
}
