import ArgumentParser
import BillcastCore
import BillcastProfile
import BillcastReport

/// `compare --at low|mid|high`.
extension CompiledFormula.RangePoint: ExpressibleByArgument {}

/// `--free-tier none|always-free|legacy|credits`.
extension Account.FreeTier: ExpressibleByArgument {}

/// `schema KIND`.
extension JSONSchemas.Kind: ExpressibleByArgument {}
