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
    for (name, d) in settings?.distributions ?? [:] { registry.setDistribution(d, for: "w:" + name) }
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
    let growthNames = growth.keys.sorted()
    let growthPrograms = growthNames.map { growth[$0]! }
    let growthIndex = Dictionary(uniqueKeysWithValues: growthNames.enumerated().map { ($0.element, $0.offset) })
    let accumulateNames = (settings?.accumulate ?? [:]).keys.sorted()
    let accumulateIndex = Dictionary(uniqueKeysWithValues: accumulateNames.enumerated().map { ($0.element, $0.offset) })
    // Per architecture and month: the compiled model, with growth and accumulation as array indices.
    // A class: the inner loop reads one per architecture-month, and copying a struct of
    // arrays out of the list retained each array every time.
    final class Step: Sendable {
      let model: CostModel
      let grown: [(slot: Int, growth: Int)]
      let accumulate: [(slot: Int, index: Int, increment: CompiledFormula)]
      /// What changes since the previous month, when that month's model computes the same (else everything).
      let recompute: CostModel.Recompute?
      init(model: CostModel, grown: [(slot: Int, growth: Int)], accumulate: [(slot: Int, index: Int, increment: CompiledFormula)], recompute: CostModel.Recompute?) {
        self.model = model
        self.grown = grown
        self.accumulate = accumulate
        self.recompute = recompute
      }
    }
    let steps: [[Step?]] = architectures.map { a in
      let list = programs[a] ?? []
      return list.indices.map { m in
        list[m].map { p in
          let changed = Set(p.grown.map(\.slot) + p.accumulate.map(\.slot))
          return Step(
            model: p.model, grown: p.grown.map { ($0.slot, growthIndex[$0.name]!) },
            accumulate: p.accumulate.map { ($0.slot, accumulateIndex[p.model.variables[$0.slot]]!, $0.increment) },
            recompute: p.model.recompute(changed: changed, after: m > 0 ? list[m - 1]?.model : nil))
        }
      }
    }
    let monthCount = months.count
    let reuse = options.reusesUnchangedValues
    let chunks = min(2, samples)
    let box = ResultBox(chunks: chunks)
    let progress = options.progress.map { ProgressCounter(total: samples, report: $0) }
    DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
      let lo = samples * chunk / chunks, hi = samples * (chunk + 1) / chunks
      // One flat buffer: totals of (architecture a, month m, path p) at (a × months + m) × n + p − lo.
      let n = hi - lo
      var flat = [ExactDecimal](repeating: .zero, count: steps.count * monthCount * n)
      var failure: String?
      var values = [ExactDecimal](repeating: .zero, count: parameters.count)
      var rates = [ExactDecimal](repeating: .zero, count: growthPrograms.count)
      var factors = rates
      var accumulated = [ExactDecimal](repeating: .zero, count: accumulateNames.count)
      var workload: [ExactDecimal] = []
      var quantities: [ExactDecimal] = []
      var usages: [ExactDecimal] = []
      var adjustments: [CostModel.Adjustment?] = []
      paths: for path in lo..<hi {
        // One draw per parameter per path, shared by every architecture and month.
        for (k, p) in parameters.enumerated() {
          let u = Sampling.uniform(seed: seed, key: keys[k], path: path)
          if let low = p.low, let high = p.high {
            values[k] = Sampling.value(low: low, high: high, u: u, distribution: p.distribution)
          } else {
            values[k] = Sampling.exactFraction(Sampling.fraction(u, distribution: p.distribution))
          }
        }
        do {
          for (g, program) in growthPrograms.enumerated() { rates[g] = try program.rate(values) }
          for (a, list) in steps.enumerated() {
            for g in factors.indices { factors[g] = .one }
            for i in accumulated.indices { accumulated[i] = .zero }
            for m in 0..<monthCount {
              guard let step = list[m] else { continue }
              let model = step.model
              if workload.count != model.variables.count { workload = [ExactDecimal](repeating: .zero, count: model.variables.count) }
              if quantities.count != model.meterCount { quantities = [ExactDecimal](repeating: .zero, count: model.meterCount) }
              if usages.count != model.usageCount { usages = [ExactDecimal](repeating: .zero, count: model.usageCount) }
              if adjustments.count != model.variables.count { adjustments = [CostModel.Adjustment?](repeating: nil, count: model.variables.count) }
              for (slot, g) in step.grown {
                adjustments[slot] = try growthPrograms[g].adjustment(month: m + 1, rate: rates[g], factor: factors[g], parameters: values)
              }
              for (slot, index, _) in step.accumulate {
                var adj = adjustments[slot] ?? CostModel.Adjustment()
                adj.add += accumulated[index]
                adjustments[slot] = adj
              }
              // The previous month of this path left its workload and usages in the buffers.
              let recompute = m > 0 && reuse ? step.recompute : nil
              try model.fillWorkload(&workload, parameters: values, adjustments: adjustments, only: recompute?.workload)
              flat[(a * monthCount + m) * n + path - lo] = try model.total(
                workload: workload, parameters: values, quantities: &quantities, usages: &usages, only: recompute?.usages)
              // Only the slots set above hold adjustments: clear them for the next step.
              for (slot, _) in step.grown { adjustments[slot] = nil }
              for (slot, _, _) in step.accumulate { adjustments[slot] = nil }
              for (_, index, increment) in step.accumulate {
                accumulated[index] += try increment.evaluate(workload, parameters: values)
              }
              // Next month's compound factors.
              for g in factors.indices where growthPrograms[g].kind == .compound {
                let r = factors[g].multipliedReportingOverflow(by: .one + rates[g])
                if r.overflow { throw FormulaEvaluationError.overflow }
                factors[g] = r.partialValue
              }
            }
          }
        } catch {
          failure = "path \(path): \(error)"
          break paths
        }
        if let progress, (path - lo) % ProgressCounter.stride == ProgressCounter.stride - 1 { progress.add(ProgressCounter.stride) }
      }
      var local: [String: [[ExactDecimal]]] = [:]
      for (a, name) in architectures.enumerated() {
        local[name] = (0..<monthCount).map { m in
          steps[a][m] == nil ? [] : Array(flat[((a * monthCount + m) * n)..<((a * monthCount + m) * n + n)])
        }
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

  /// Counts the Monte Carlo paths done on every thread and reports the share done.
  final class ProgressCounter: @unchecked Sendable {
    /// Paths between reports (a lock per 64 paths costs nothing measurable).
    static let stride = 64
    private let lock = NSLock()
    private var done = 0
    private let total: Int
    private let report: @Sendable (Double) -> Void

    init(total: Int, report: @escaping @Sendable (Double) -> Void) {
      self.total = total
      self.report = report
    }

    func add(_ paths: Int) {
      let share = lock.withLock { () -> Double in
        done += paths
        return Double(min(done, total)) / Double(max(total, 1))
      }
      report(share)
    }
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

    /// The adjustment in month m (1-based): the compound factor (1 + rate)^(m−1) kept by the
    /// caller, rate × (m−1), or the month's value.
    func adjustment(month m: Int, rate: ExactDecimal, factor: ExactDecimal, parameters: [ExactDecimal]) throws(FormulaEvaluationError) -> CostModel.Adjustment {
      switch kind {
      case .compound:
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
