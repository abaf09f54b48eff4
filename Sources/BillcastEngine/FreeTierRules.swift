import BillcastCore
import BillcastPricing
import BillcastProfile

/// How AWS's free tier applies to an account on a date.
enum FreeTierRules {
  static func situation(
    account: Account, override: Account.FreeTier?, asOf: CalendarDate, profilePath: String,
    diagnostics: DiagnosticCollector
  ) -> FreeTierSituation {
    let kind = override ?? account.freeTier
    var opened = account.opened
    var note = ""
    if let o = opened, asOf < o {
      // Pricing an earlier date (what would this have cost under 2020's rules?): take the
      // account as opened that month, so its first-year offers apply as they would have.
      opened = asOf
      note = " (priced before the account's opening on \(o): taken as opened \(asOf))"
    }
    var situation = situation(kind: kind, account: account, opened: opened, asOf: asOf)
    situation.summary += note
    return situation
  }

  static func situation(kind: Account.FreeTier, account: Account, opened: CalendarDate?, asOf: CalendarDate)
    -> FreeTierSituation
  {
    switch kind {
    case .none:
      return FreeTierSituation(account: kind, kinds: [], credits: nil, summary: "no free tier (list prices)")
    case .alwaysFree:
      return FreeTierSituation(account: kind, kinds: [.alwaysFree], credits: nil, summary: "always-free offers only")
    case .legacy:
      guard let opened else {
        return FreeTierSituation(
          account: kind, kinds: [.alwaysFree, .legacy12Month], credits: nil,
          summary: "legacy account, assumed within its first 12 months: always-free and 12-month offers")
      }
      let end = opened.adding(months: 12)
      if asOf < end {
        return FreeTierSituation(
          account: kind, kinds: [.alwaysFree, .legacy12Month], credits: nil,
          summary: "legacy account opened \(opened): always-free and 12-month offers (until \(end))")
      }
      return FreeTierSituation(
        account: kind, kinds: [.alwaysFree], credits: nil,
        summary: "legacy account opened \(opened): always-free offers only (its 12-month offers ended \(end))")
    case .credits:
      let months = account.plan == .free ? 6 : 12
      let credits = account.credits ?? .zero
      guard let opened else {
        return FreeTierSituation(
          account: kind, kinds: [.alwaysFree], credits: credits,
          summary: "credit-based account: always-free offers and $\(credits.formatted(fractionDigits: 2)) of credits")
      }
      let end = opened.adding(months: months)
      if asOf < end {
        return FreeTierSituation(
          account: kind, kinds: [.alwaysFree], credits: credits,
          summary:
            "credit-based account opened \(opened) (\(account.plan?.rawValue ?? "paid") plan): always-free offers and $\(credits.formatted(fractionDigits: 2)) of credits until \(end)"
        )
      }
      return FreeTierSituation(
        account: kind, kinds: [.alwaysFree], credits: .zero,
        summary: "credit-based account opened \(opened): always-free offers only (its credits expired \(end))")
    }
  }
}
