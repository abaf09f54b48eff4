import BillcastCore
import BillcastPricing
import BillcastProfile
import Dispatch
import Foundation

extension ForecastPlan {
  /// One architecture's sampled bills: per month, one total (before credits) per path.
  struct Sampled {
    var totals: [[ExactDecimal]]
  }

  /// The credits a credit-based account has, and the first date they no longer apply.
  var credits: (amount: ExactDecimal, expires: CalendarDate)? {
    let account = profile.account
    guard (options.freeTier ?? account.freeTier) == .credits, let amount = account.credits, let opened = account.opened else { return nil }
    return (amount, opened.adding(months: account.plan == .free ? 6 : 12))
  }

  /// Draws `options.samples` paths through every available month of each architecture.
  func monteCarlo(architectures: [String], envelope: [String: ArchitectureEnvelope]) -> [String: Sampled] {
    guard options.samples > 0 else { return [:] }
    let registry = ParameterRegistry()
    for (name, d) in settings?.distributions ?? [:] { registry.setDistribution(d.rawValue, for: "w:" + name) }
    // Compile every month of every architecture, and the growth formulas, so the registry is complete.
    var programs: [String: [MonthProgram?]] = [:]
    var growth: [String: GrowthProgram] = [:]
    do {
      for (name, g) in (settings?.growth ?? [:]).sorted(by: { $0.key < $1.key }) {
        growth[name] = try GrowthProgram(g, owner: "g:" + name, registry: registry)
      }
      for a in architectures {
        var list: [MonthProgram?] = []
        for month in months {
          guard envelope[a]?.totals[month.index - 1] != nil else { list.append(nil); continue }
          var situation = situations[month.index - 1]
          situation.credits = nil
          let model = try CostModel(
            resolved: resolved, architecture: a, scenario: month.scenario, asOf: month.month.firstDay,
            situation: situation, monthHours: month.hours, sampling: registry)
          var accumulate: [(slot: Int, increment: CompiledFormula)] = []
          for (name, formula) in (settings?.accumulate ?? [:]).sorted(by: { $0.key < $1.key }) {
            guard let slot = model.slot(of: name) else { continue }
            registry.begin("a:" + name)
            let inc = try CompiledFormula.compile(formula, ranges: .sample(registry, owner: "a:" + name)) { n in
              n == Builtins.monthHours ? .value(month.hours) : model.slot(of: n).map { .slot($0) }
            }
            accumulate.append((slot, inc))
          }
          let grown: [(slot: Int, name: String)] = model.variables.enumerated().compactMap { item in growth[item.element] == nil ? nil : (item.offset, item.element) }
          list.append(MonthProgram(model: model, month: month.index, accumulate: accumulate, grown: grown))
        }
        programs[a] = list
      }
    } catch {
      diagnostics.add((settings?.location ?? SourceLocation(file: profile.path)).diagnostic(.error, "cannot compile the forecast: \(error)"))
      return [:]
    }
    let parameters = registry.parameters
    let keys = parameters.map { Sampling.fnv($0.key) }
    let seed = options.seed
    let samples = options.samples
    let growthByName = growth
    let compiled = programs
    let chunks = min(2, samples)
    let box = ResultBox(chunks: chunks)
    DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
      let lo = samples * chunk / chunks, hi = samples * (chunk + 1) / chunks
      var local: [String: [[ExactDecimal]]] = [:]
      var failure: String?
      for a in architectures {
        guard let list = compiled[a] else { continue }
        var totals = list.map { $0 == nil ? [ExactDecimal]() : [ExactDecimal](repeating: .zero, count: hi - lo) }
        for path in lo..<hi {
          var values = [ExactDecimal](repeating: .zero, count: parameters.count)
          for (k, p) in parameters.enumerated() {
            let u = Sampling.uniform(seed: seed, key: keys[k], path: path)
            if let low = p.low, let high = p.high {
              values[k] = Sampling.value(low: low, high: high, u: u, distribution: p.distribution)
            } else {
              values[k] = Sampling.exactFraction(Sampling.fraction(u, distribution: p.distribution))
            }
          }
          var accumulated: [String: ExactDecimal] = [:]
          do {
            var rates: [String: ExactDecimal] = [:]
            for (name, g) in growthByName { rates[name] = try g.rate(values) }
            for program in list {
              guard let program else { continue }
              let model = program.model
              var adjustments = [CostModel.Adjustment?](repeating: nil, count: model.variables.count)
              for (slot, name) in program.grown {
                adjustments[slot] = try growthByName[name]!.adjustment(month: program.month, rate: rates[name]!, parameters: values)
              }
              for (slot, _) in program.accumulate {
                let name = model.variables[slot]
                var a = adjustments[slot] ?? CostModel.Adjustment()
                a.add += accumulated[name] ?? .zero
                adjustments[slot] = a
              }
              let workload = try model.workload(parameters: values, adjustments: adjustments)
              totals[program.month - 1][path - lo] = try model.total(workload: workload, parameters: values)
              for (slot, inc) in program.accumulate {
                accumulated[model.variables[slot], default: .zero] += try inc.evaluate(workload, parameters: values)
              }
            }
          } catch {
            failure = "\(a), path \(path): \(error)"
            break
          }
        }
        local[a] = totals
      }
      box.store(chunk: chunk, totals: local, failure: failure)
    }
    if let failure = box.failures.compactMap({ $0 }).first {
      diagnostics.add((settings?.location ?? SourceLocation(file: profile.path)).diagnostic(.error, "the Monte Carlo failed: \(failure)"))
      return [:]
    }
    var result: [String: Sampled] = [:]
    for a in architectures {
      var merged = Array(repeating: [ExactDecimal](), count: months.count)
      for chunk in 0..<chunks {
        for (m, values) in (box.results[chunk][a] ?? []).enumerated() { merged[m] += values }
      }
      result[a] = Sampled(totals: merged)
    }
    return result
  }

  /// One month of one architecture, compiled.
  struct MonthProgram: Sendable {
    var model: CostModel
    var month: Int
    var accumulate: [(slot: Int, increment: CompiledFormula)]
    /// Slots of variables that grow, with their names.
    var grown: [(slot: Int, name: String)]
  }

  /// A variable's growth, compiled: a rate drawn once per path, applied month by month.
  struct GrowthProgram: Sendable {
    enum Kind: Sendable { case compound, linear, values }
    var kind: Kind
    var rate: CompiledFormula
    var values: [CompiledFormula]

    init(_ growth: ForecastSettings.Growth, owner: String, registry: ParameterRegistry) throws(FormulaEvaluationError) {
      registry.begin(owner)
      let none: (String) -> CompiledFormula.Binding? = { _ in nil }
      switch growth {
      case .compound(let f):
        kind = .compound
        rate = try CompiledFormula.compile(f, ranges: .sample(registry, owner: owner), bind: none)
        values = []
      case .linear(let f):
        kind = .linear
        rate = try CompiledFormula.compile(f, ranges: .sample(registry, owner: owner), bind: none)
        values = []
      case .values(let list):
        kind = .values
        rate = CompiledFormula(constant: .zero)
        var compiled: [CompiledFormula] = []
        for f in list { compiled.append(try CompiledFormula.compile(f, ranges: .sample(registry, owner: owner), bind: none)) }
        values = compiled
      }
    }

    func rate(_ parameters: [ExactDecimal]) throws(FormulaEvaluationError) -> ExactDecimal {
      try rate.evaluate([], parameters: parameters)
    }

    /// The adjustment in month m (1-based): (1 + rate)^(m−1), rate × (m−1), or the month's value.
    func adjustment(month m: Int, rate: ExactDecimal, parameters: [ExactDecimal]) throws(FormulaEvaluationError) -> CostModel.Adjustment {
      switch kind {
      case .compound:
        var factor = ExactDecimal.one
        let step = ExactDecimal.one + rate
        for _ in 1..<m {
          let r = factor.multipliedReportingOverflow(by: step)
          if r.overflow { throw .overflow }
          factor = r.partialValue
        }
        return CostModel.Adjustment(multiply: factor)
      case .linear:
        return CostModel.Adjustment(add: rate * ExactDecimal(m - 1))
      case .values:
        return CostModel.Adjustment(replace: try values[min(m - 1, values.count - 1)].evaluate([], parameters: parameters))
      }
    }
  }
}

/// Collects each chunk's results from the worker threads.
final class ResultBox: @unchecked Sendable {
  private let lock = NSLock()
  private(set) var results: [[String: [[ExactDecimal]]]]
  private(set) var failures: [String?]

  init(chunks: Int) {
    results = Array(repeating: [:], count: chunks)
    failures = Array(repeating: nil, count: chunks)
  }

  func store(chunk: Int, totals: [String: [[ExactDecimal]]], failure: String?) {
    lock.lock()
    defer { lock.unlock() }
    results[chunk] = totals
    failures[chunk] = failure
  }
}
