import BillcastCore

extension PricingCatalog {
  /// The first value of a catalog read from a snapshot that no pricing table read from YAML may
  /// hold, or nil: a negative or zero `per`, a negative rate, tiers that do not ascend or do not
  /// end open, a rate naming a source the table lacks.
  ///
  /// A snapshot's code already proves that this user's billcast wrote it; this check keeps a
  /// damaged or planted snapshot that slipped through from pricing anything.
  func snapshotValueProblem() -> String? {
    for table in tables {
      for service in table.services {
        for meter in service.meters {
          guard case .price(let price) = meter.billing else { continue }
          let ladders: [TierLadder]
          switch price {
          case .ladder(let ladder): ladders = [ladder]
          case .keyed(_, let byKey): ladders = Array(byKey.values)
          }
          for ladder in ladders {
            let shapes = [(ladder.per, ladder.tiers)] + ladder.before.map { ($0.per, $0.tiers) }
            for (per, tiers) in shapes {
              if let problem = Self.ladderProblem(per: per, tiers: tiers, sources: table.sources) {
                return "\(table.id) \(service.id)/\(meter.name): \(problem)"
              }
            }
          }
        }
      }
    }
    return nil
  }

  /// What is wrong with one ladder, or nil.
  static func ladderProblem(per: ExactDecimal, tiers: [Tier], sources: [String: PriceSource]) -> String? {
    guard per > .zero else { return "per \(per) is not positive" }
    guard let last = tiers.last, last.upto == nil else { return "the last tier is not open-ended" }
    var previous = ExactDecimal.zero
    for tier in tiers {
      if tier.rate.isNegative { return "rate \(tier.rate) is negative" }
      if sources[tier.source] == nil { return "source \(tier.source) is not the table's" }
      if let upto = tier.upto {
        guard upto > previous else { return "tiers do not ascend at \(upto)" }
        previous = upto
      }
    }
    return nil
  }
}
