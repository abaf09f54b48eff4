import BillcastCore
import Foundation

extension Diagnostic {
  /// Adds this diagnostic to a collector.
  package func report(to collector: DiagnosticCollector) { collector.add(self) }
}
