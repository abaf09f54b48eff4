import ArgumentParser
import BillcastCore
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// What a report's colours pick out, beyond its totals.
enum Highlight {
  /// Totals in bold.
  case totals
  /// Totals, and each limit that is OVER in red.
  case budgets
  /// Totals, increases in red and decreases in green.
  case changes
}
