import BillcastCore
import BillcastPricing
import Foundation

/// Where the compiled pricing snapshots live, from the environment: `$BILLCAST_CACHE` (a
/// directory, or `off`), else `$XDG_CACHE_HOME/billcast`, else `~/.cache/billcast`
/// (`~/Library/Caches/billcast` on macOS).
enum SnapshotCacheLocation {
  /// The cache for this run, or nil when it is turned off or there is no home directory.
  static func cache(environment: [String: String] = ProcessInfo.processInfo.environment) -> PricingSnapshotCache? {
    guard let directory = directory(environment: environment) else { return nil }
    return PricingSnapshotCache(directory: directory, build: build)
  }

  /// Whether snapshots are used at all: `BILLCAST_CACHE=off` turns off the snapshot compiled into
  /// billcast too, so every table is read from its YAML.
  static func isOff(environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
    guard let setting = environment["BILLCAST_CACHE"] else { return false }
    return Self.off.contains(setting.lowercased())
  }

  /// The values of `BILLCAST_CACHE` that turn snapshots off.
  static let off: Set<String> = ["off", "0", "false", "no"]

  /// The cache directory the environment names, or nil for none.
  static func directory(environment: [String: String]) -> String? {
    if let setting = environment["BILLCAST_CACHE"], !setting.isEmpty {
      return off.contains(setting.lowercased()) ? nil : setting
    }
    if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") { return xdg + "/billcast" }
    guard let home = environment["HOME"], home.hasPrefix("/") else { return nil }
    #if canImport(Darwin)
      return home + "/Library/Caches/billcast"
    #else
      return home + "/.cache/billcast"
    #endif
  }

  /// This build of billcast: its version and its executable's size, modification time and inode,
  /// so a snapshot written by another build (whose encoding or checks may differ) is never read.
  static var build: String {
    #if os(Linux)
      let executable = "/proc/self/exe"
    #else
      let executable = Bundle.main.executablePath ?? CommandLine.arguments[0]
    #endif
    let status = try? FileStatus.of(executable).get()
    let identity = status.map { "\($0.size):\($0.modified):\($0.inode)" } ?? "unknown"
    return "\(BillcastVersion.text) \(identity)"
  }
}
