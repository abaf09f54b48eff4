import ArgumentParser
import BillcastCore
import BillcastEngine
import BillcastProfile
import BillcastReport
import Foundation

extension CompiledFormula.RangePoint: ExpressibleByArgument {}

extension Account.FreeTier: ExpressibleByArgument {}

extension JSONSchemas.Kind: ExpressibleByArgument {}
