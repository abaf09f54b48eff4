import BillcastCore
import BillcastEngine

extension UnavailableArchitecture {
  /// Why an estimate left the architecture out, as its reports say it: `App Runner is available from 2021-05-18`.
  var notPricedReason: String {
    if case .notLaunched(_, let service, let from) = status { return "\(service) is available from \(from)" }
    return reason
  }
}
