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

/// When to colour text reports.
enum ColourChoice: String, ExpressibleByArgument, CaseIterable, Sendable { case auto, always, never }
