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
    if let override, let problem = overrideProblem(override, account: account) {
      diagnostics.add(Diagnostic(file: "--free-tier", message: problem))
    }
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

  /// Why `--free-tier` cannot apply to the profile's account, or nil when it can: an override
  /// may not build an account the profile reader would refuse (a legacy account needs the day
  /// it opened, before 2025-07-15; a credit-based one needs that day, on or after it, and its credits).
  static func overrideProblem(_ override: Account.FreeTier, account: Account) -> String? {
    switch override {
    case .none, .alwaysFree: return nil
    case .legacy:
      guard let opened = account.opened else {
        return
          "'legacy' needs the profile's account to say when it opened (account.opened), so billcast knows whether its 12-month offers still apply"
      }
      if opened >= Account.creditProgramStart {
        return
          "'legacy' cannot apply: the account opened \(opened), and accounts opened on or after \(Account.creditProgramStart) are on the credit-based free tier"
      }
      return nil
    case .credits:
      guard let opened = account.opened else {
        return
          "'credits' needs the profile's account to say when it opened and how many credits it has (account.opened, account.credits)"
      }
      if opened < Account.creditProgramStart {
        return
          "'credits' cannot apply: the account opened \(opened), and accounts opened before \(Account.creditProgramStart) are on the legacy free tier"
      }
      if account.credits == nil {
        return "'credits' needs the profile's account to say how many credits it has (account.credits), up to 200 USD"
      }
      return nil
    }
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
