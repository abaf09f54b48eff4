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
    guard (options.freeTier ?? account.freeTier) == .credits, let amount = account.credits, let opened = account.opened
    else { return nil }
    return (amount, opened.adding(months: account.plan == .free ? 6 : 12))
  }

  /// Draws `options.samples` paths through every available month of each architecture:
  /// compile → (per chunk of paths, one per core) draw parameters → price a path → merge chunks.
  func monteCarlo(architectures: [String], envelope: [String: ArchitectureEnvelope]) -> [String: Sampled] {
    guard options.samples > 0 else { return [:] }
    let run: MonteCarloRun
    do {
      run = try compileMonteCarlo(architectures: architectures, envelope: envelope)
    } catch {
      diagnostics.add(
        (settings?.location ?? SourceLocation(file: profile.path)).diagnostic(
          .error, "cannot compile the forecast: \(error)"))
      return [:]
    }
    let samples = options.samples
    let chunks = min(2, samples)
    let box = ResultBox(chunks: chunks)
    let progress = options.progress.map { ProgressCounter(total: samples, report: $0) }
    DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
      let (flat, failure) = run.paths(samples * chunk / chunks..<samples * (chunk + 1) / chunks, progress: progress)
      box.store(chunk: chunk, totals: flat, failure: failure)
    }
    if let failure = box.failures.compactMap({ $0 }).first {
      diagnostics.add(
        (settings?.location ?? SourceLocation(file: profile.path)).diagnostic(
          .error, "the Monte Carlo failed: \(failure)"))
      return [:]
    }
    return run.merge(box.results, architectures: architectures)
  }

  /// Compiles every month of every architecture, and the growth formulas, into one run
  /// (every range a parameter of one registry, so that a path draws each once).
  func compileMonteCarlo(architectures: [String], envelope: [String: ArchitectureEnvelope])
    throws(FormulaEvaluationError) -> MonteCarloRun
  {
    let registry = ParameterRegistry()
    for (name, d) in settings?.distributions ?? [:] { registry.setDistribution(d, for: "w:" + name) }
    var growth: [String: GrowthProgram] = [:]
    for (name, g) in (settings?.growth ?? [:]).sorted(by: { $0.key < $1.key }) {
      growth[name] = try GrowthProgram(g, owner: "g:" + name, registry: registry)
    }
    var programs: [[MonthProgram?]] = []
    for a in architectures {
      var list: [MonthProgram?] = []
      for month in months {
        guard envelope[a]?.totals[month.index - 1] != nil else { list.append(nil); continue }
        list.append(try monthProgram(a, month: month, registry: registry, growth: growth))
      }
      programs.append(list)
    }
    let growthNames = growth.keys.sorted()
    let growthIndex = Dictionary(uniqueKeysWithValues: growthNames.enumerated().map { ($0.element, $0.offset) })
    let accumulateNames = (settings?.accumulate ?? [:]).keys.sorted()
    let accumulateIndex = Dictionary(uniqueKeysWithValues: accumulateNames.enumerated().map { ($0.element, $0.offset) })
    let steps: [[MonteCarloRun.Step?]] = programs.map { list in
      list.indices.map { m in
        list[m].map { p in
          let changed = Set(p.grown.map(\.slot) + p.accumulate.map(\.slot))
          return MonteCarloRun.Step(
            model: p.model, grown: p.grown.map { ($0.slot, growthIndex[$0.name]!) },
            accumulate: p.accumulate.map { ($0.slot, accumulateIndex[p.model.variables[$0.slot]]!, $0.increment) },
            recompute: p.model.recompute(changed: changed, after: m > 0 ? list[m - 1]?.model : nil))
        }
      }
    }
    let parameters = registry.parameters
    return MonteCarloRun(
      steps: steps, parameters: parameters, keys: parameters.map { Sampling.fnv($0.key) }, seed: options.seed,
      growth: growthNames.map { growth[$0]! }, accumulateCount: accumulateNames.count, monthCount: months.count,
      reusesUnchangedValues: options.reusesUnchangedValues)
  }

  /// One month of one architecture compiled for sampling, with its accumulations and growth.
  func monthProgram(
    _ architecture: String, month: ForecastMonth, registry: ParameterRegistry, growth: [String: GrowthProgram]
  ) throws(FormulaEvaluationError) -> MonthProgram {
    var situation = situations[month.index - 1]
    situation.credits = nil
    let model = try CostModel(
      resolved: resolved, architecture: architecture, scenario: month.scenario, asOf: month.month.firstDay,
      situation: situation, monthHours: month.hours, month: month.calendarDay, sampling: registry)
    var accumulate: [(slot: Int, increment: CompiledFormula)] = []
    for (name, formula) in (settings?.accumulate ?? [:]).sorted(by: { $0.key < $1.key }) {
      guard let slot = model.slot(of: name) else { continue }
      registry.begin("a:" + name)
      let increment = try CompiledFormula.compile(formula, ranges: .sample(registry, owner: "a:" + name)) { n in
        Builtins.value(n, hours: month.hours, month: month.calendarDay).map { .value($0) }
          ?? model.slot(of: n).map { .slot($0) }
      }
      accumulate.append((slot, increment))
    }
    let grown: [(slot: Int, name: String)] = model.variables.enumerated().compactMap { item in
      growth[item.element] == nil ? nil : (item.offset, item.element)
    }
    return MonthProgram(model: model, month: month.index, accumulate: accumulate, grown: grown)
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
        for f in list {
          compiled.append(try CompiledFormula.compile(f, ranges: .sample(registry, owner: owner), bind: none))
        }
        values = compiled
      }
    }

    func rate(_ parameters: [ExactDecimal]) throws(FormulaEvaluationError) -> ExactDecimal {
      try rate.evaluate([], parameters: parameters)
    }

    /// The adjustment in month m (1-based): the compound factor (1 + rate)^(m−1) kept by the
    /// caller, rate × (m−1), or the month's value.
    func adjustment(month m: Int, rate: ExactDecimal, factor: ExactDecimal, parameters: [ExactDecimal])
      throws(FormulaEvaluationError) -> CostModel.Adjustment
    {
      switch kind {
      case .compound:
        return CostModel.Adjustment(multiply: factor)
      case .linear:
        return CostModel.Adjustment(add: rate * ExactDecimal(m - 1))
      case .values:
        return CostModel.Adjustment(
          replace: try values[min(m - 1, values.count - 1)].evaluate([], parameters: parameters))
      }
    }
  }
}

/// Collects each chunk's results from the worker threads.
private final class ResultBox: @unchecked Sendable {
  private let lock = NSLock()
  private(set) var results: [[[[ExactDecimal]]]]
  private(set) var failures: [String?]

  init(chunks: Int) {
    results = Array(repeating: [], count: chunks)
    failures = Array(repeating: nil, count: chunks)
  }

  func store(chunk: Int, totals: [[[ExactDecimal]]], failure: String?) {
    lock.lock()
    defer { lock.unlock() }
    results[chunk] = totals
    failures[chunk] = failure
  }
}
