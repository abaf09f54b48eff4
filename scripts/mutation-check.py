#!/usr/bin/env python3
"""Breaks the code each property test guards, on purpose, and checks that the test fails.

Usage: scripts/mutation-check.py [--budget SECONDS] [ID ...]   (default: every mutation; run from anywhere)

With --budget, no mutation is started once SECONDS have passed; those left are listed as not
run (CI uses this so that a slow machine cannot push the run past its time limit).

Each mutation is a small, plausible bug. The script applies it, builds the tests, runs the
tests that should catch it, prints how many expectations failed (or that the run crashed on
a precondition), and restores the file with `git checkout`. A mutation that no test catches
is printed as SURVIVED (one that no longer builds, as DOES NOT BUILD) and the script exits 1. Takes about a minute per mutation here.
Do not edit the mutated files while it runs.
"""
import pathlib, re, subprocess, sys, time

ROOT = pathlib.Path(__file__).resolve().parent.parent
LADDER_COST = "  public func cost(of quantity: ExactDecimal) -> (total: ExactDecimal, charges: [TierCharge]) {\n"
VOLUME_PRICING = LADDER_COST + (
    "    if let t = tiers.first(where: { $0.upto.map { quantity <= $0 } ?? true }) { let c = quantity * t.rate / per; "
    "return (c, [TierCharge(from: .zero, upto: t.upto, quantity: quantity, rate: t.rate, per: per, cost: c, source: t.source)]) }\n")
CALC = "Sources/BillcastEngine/Calculator.swift"

MUTATIONS = [
    ("M1", "the rounding remainder of an allocation goes to the smallest share", "costIsNonNegative",
     [(CALC, "let largest = weights.indices.max(by: { weights[$0] < weights[$1] })",
       "let largest = weights.indices.min(by: { weights[$0] < weights[$1] })")]),
    ("M2", "volume pricing (every unit at the tier reached) instead of marginal tiers, interval ends sorted", "costIsNonDecreasing",
     [("Sources/BillcastEngine/TierLadder+Cost.swift", LADDER_COST, VOLUME_PRICING),
      (CALC, "let cost = Interval(low.total, high.total)",
       "let cost = Interval(.minimum(low.total, high.total), .maximum(low.total, high.total))")]),
    ("M3", "ceil's interval forgets to round up the high end", "pointsInsideTheRanges",
     [("Sources/BillcastCore/Formula/Formula.swift", "case .ceil: return values[0].mapMonotone { $0.ceiling() }",
       "case .ceil: return Interval(values[0].low.ceiling(), Swift.max(values[0].low.ceiling(), values[0].high))")]),
    ("M4", "the cost model divides a per-million rate by the million twice", "costModelAgrees",
     [("Sources/BillcastEngine/Billing/AccountBilling.swift", "ladderPer.append(shift ? .one : ladder.per)",
       "ladderPer.append(ladder.per)")]),
    ("M5", "every meter a pool draws gets the whole allowance", "freeTierNever",
     [("Sources/BillcastEngine/Billing/AccountBilling.swift", "          remaining -= take\n", "")]),
    ("M6", "an allocation drops its rounding remainder", "linesSumToTotals",
     [(CALC, "shares[largest] += amount - allocated", "_ = largest")]),
    ("M7", "the saved-report reader reads the low end for the high end", "savedJSONReads",
     [("Sources/BillcastReport/EstimateJSONReader.swift", 'let high = decimal(node["high"], keyPath + ".high", parent: node)',
       'let high = decimal(node["low"], keyPath + ".high", parent: node)')]),
    ("M8", "a component's free-tier list in a set's order", "generatedProfilesGiveTheSameBytes|outputIsDeterministic",
     [(CALC, "let free = pools.filter { poolsByComponent[index].contains($0.id) }",
       "let free = Array(poolsByComponent[index]).compactMap { id in pools.first { $0.id == id } }")]),
    ("M9", "the printer drops the parentheses of a right operand of equal precedence", "printerAndParserRoundTrip",
     [("Sources/BillcastCore/Formula/Formula.swift", "let needsParens = p < parentPrecedence || (p == parentPrecedence && rightOperand)",
       "let needsParens = p < parentPrecedence")]),
    ("M10", "a month reuses a workload variable whose formula changed (a scenario or the month's hours)", "reusingUnchangedValues",
     [("Sources/BillcastEngine/Model/CostModel+Incremental.swift",
       "if !workloadList.isSame(i, as: previous.workloadList) || !workloadList.slotsRead(by: i).isDisjoint(with: varying)",
       "if !workloadList.slotsRead(by: i).isDisjoint(with: varying)")]),
    # Readers, the CLI, break-even, sensitivity, diff, budgets, sampling, exact formulas.
    ("M11", "a mapping's unknown keys are accepted silently", "BadInputTests|ForecastReaderTests|HostileFileTests",
     [("Sources/BillcastCore/YAML/YAMLCursor.swift", "      if known.contains(key) {\n        values[key] = value",
       "      if true {\n        values[key] = value")]),
    ("M12", "the pricing reader lets tiers descend", "PricingReaderTests",
     [("Sources/BillcastPricing/PricingTableReader+Prices.swift", "if let previous, upto <= previous {", "if let previous, upto < previous, false {")]),
    # (Not "a device is replaced": run as root, that mutant would replace this machine's /dev/full.)
    ("M13", "--output replaces a symbolic link instead of writing through it", "OutputTests",
     [("Sources/BillcastCLI/Output/ReportFile.swift", "    let target = try resolveLinks(path)\n", "    let target = path\n")]),
    ("M14", "break-even searches past the inputs' hard bounds", "HostileArgumentTests",
     [("Sources/BillcastEngine/Compare/PointAnalysis.swift", "from: options.from, to: bounds.limit, step: options.step",
       "from: options.from, to: ExactDecimal.maximum(options.from, options.to), step: options.step")]),
    ("M15", "sensitivity lists the narrowest swing first", "CompareTests|CompareCommandTests|ExampleGoldenTests",
     [("Sources/BillcastEngine/Compare/Sensitivity.swift", "rows.sort { ($0.swing, $1.variable) > ($1.swing, $0.variable) }",
       "rows.sort { ($0.swing, $1.variable) < ($1.swing, $0.variable) }")]),
    ("M16", "diff --fail-above compares a percentage against twice the limit", "DiffCommandTests",
     [("Sources/BillcastEngine/Diff/CostDiff.swift", "if let p = change.percent { return p.magnitude > limit }",
       "if let p = change.percent { return p.magnitude > limit + limit }")]),
    ("M17", "a budget checks the low end of a figure only", "CheckCommandTests",
     [("Sources/BillcastEngine/BudgetCheck.swift", "ExactDecimal.maximum(.zero, ExactDecimal.maximum(figure.low, figure.high) - limit)",
       "ExactDecimal.maximum(.zero, figure.low - limit)")]),
    ("M18", "a sampled range always draws its low end", "ForecastTests|ForecastCommandTests|ExampleGoldenTests",
     [("Sources/BillcastEngine/Forecast/Sampling.swift", "let x = (low + (high - low) * exactFraction(t)).rounded(toFractionDigits: 9)",
       "let x = low.rounded(toFractionDigits: 9)")]),
    ("M19", "a formula that rounded is not evaluated again exactly", "ExactFormulaTests|ExactEstimateTests",
     [("Sources/BillcastCore/Formula/Formula.swift", "    if !rounded { return (decimal, true) }", "    if true { return (decimal, !rounded) }")]),
    ("M20", "the JSON reader keeps the last of duplicate keys", "SavedReportTests",
     [("Sources/BillcastCore/JSON/JSONDocument.swift", "        if let first = seen[key] {", "        if let first = seen[key], false {")]),
    ("M21", "pricing import treats a matching rate as changed (a second import would rewrite the file)", "oneChangedRate",
     [("Sources/BillcastPricing/PriceList/PriceListImport.swift", "    guard old.tiers != rate.tiers else {",
       "    guard old.tiers != rate.tiers || true else {")]),
    ("M22", "a component that needs a rate its region lacks is priced anyway", "absentService",
     [("Sources/BillcastEngine/ResolvedProfile.swift", "    if let file = lacking.first?.ratesFile {", "    if false, let file = lacking.first?.ratesFile {")]),
    # Infrastructure as code.
    ("M23", "a usage value silently replaces a value the template states", "TemplateTests",
     [("Sources/BillcastProfile/Templates/TemplateExpander+Components.swift",
       "} else if let stated = d.inputs.first(where: { $0.name == input.name }) {",
       "} else if false, let stated = d.inputs.first(where: { $0.name == input.name }) {")]),
    ("M24", "CloudFront's redirect-to-https does not make requests HTTPS", "TemplateTests",
     [("Sources/BillcastProfile/Templates/ComponentDraft+Rules.swift",
       "guard let first = policies.first,\n      policies.allSatisfy(", "guard let first = policies.first, policies.isEmpty,\n      policies.allSatisfy(")]),
    ("M25", "a resource whose condition is false is priced", "TemplateTests",
     [("Sources/BillcastProfile/Templates/CloudFormation/CloudFormationArchitecture.swift",
       "switch resolver.condition(condition) {", "switch resolver.condition(condition) == false ? true : resolver.condition(condition) {")]),
    ("M27", "a meter the component uses is taken for unused, so its missing rate is no error", "RegionTests",
     [("Sources/BillcastEngine/ResolvedComponent.swift",
       "return ([meter.quantity] + meter.quantityBefore.map(\\.quantity)).allSatisfy { value($0) == Interval(.zero) }",
       "return true")]),
    ("M26", "SAM Globals are not merged into functions", "TemplateTests",
     [("Sources/BillcastProfile/Templates/CloudFormation/CloudFormationTemplate.swift",
       "guard isSAM, let section = Self.globalsSection[resource.type]", "guard !isSAM, let section = Self.globalsSection[resource.type]")]),
    ("MTF1", "a Terraform reference the plan cannot resolve counts every instance of its target", "HostileTerraformTests",
     [("Sources/BillcastProfile/Templates/Terraform/TerraformLinks.swift",
       "      link(from, group.attribute, byInstanceKey ? keyed[j]! : candidates[j % candidates.count])\n",
       "      for c in candidates { link(from, group.attribute, c) }\n")]),
    ("MTF2", "two Elastic IPs on one instance are charged as one public IPv4 address", "HostileTerraformTests",
     [("Sources/BillcastProfile/Templates/Definitions/IrregularRules+Links.swift",
       '"public_ipv4", String(eips.count)', '"public_ipv4", "1"')]),
    ("MD1", "an Elastic IP is not linked to the instance it names", "ResourceFixture",
     [("Sources/BillcastProfile/Templates/Definitions/IrregularRules+Compute.swift",
       'if let owner = links.target(of: r.id, at: name(r, "InstanceId", "instance"), names: nil) { return .partOf(owner) }',
       "")]),
    ("MD2", "a definition reads the other format's value map", "ResourceFixture",
     [("Sources/BillcastProfile/Templates/Definitions/ResourceDefinition.swift",
       "format == .cloudFormation ? cloudFormation : terraform\n    }\n  }\n\n  /// One input",
       "format == .cloudFormation ? terraform : cloudFormation\n    }\n  }\n\n  /// One input")]),
    ("MD3", "schedules no longer add their runs to the function they invoke", "ResourceFixture",
     [("Sources/BillcastProfile/Templates/Definitions/IrregularRules+Links.swift",
       "    scheduledInvocations(resources, diagnostics: diagnostics, update: update)\n", "")]),
    ("MD5", "an instance's subnet no longer decides its public IPv4 address", "ResourceFixture",
     [("Sources/BillcastProfile/Templates/Definitions/IrregularRules+Compute.swift",
       "    publicAddress(&d, r)\n", "")]),
    ("MD6", "a plan's NAT gateway no longer takes the Elastic IP its local names", "ResourceFixture",
     [("Sources/BillcastProfile/Templates/Definitions/IrregularRules+Links.swift",
       "    natAddresses(resources, &dispositions)\n", "")]),
    ("MD4", "a day of the month past 28 runs in every month", "ScheduleExpression",
     [("Sources/BillcastProfile/Templates/CronExpression+Runs.swift",
       "let always = dates.filter { $0 <= 28 }.count + lastDays", "let always = dates.count + lastDays")]),
    ("MR1", "a bill's usage type keeps the profile region's prefix (USE1-Lambda-GB-Second matches no meter)", "ReconcilerTests",
     [("Sources/BillcastEngine/Reconcile/BillMatcher.swift",
       "String(row.usageType.dropFirst(prefix.count + 1))", "row.usageType")]),
    ("MR2", "usage a Savings Plan covered is amortized at its on-demand cost", "BillReaderTests",
     [("Sources/BillcastBill/BillReader+Row.swift",
       "return header[.savingsPlanEffectiveCost] == nil ? billed : n", "return billed")]),
    ("MR3", "a bill price that is none of the table's rates passes for one", "ReconcilerTests",
     [("Sources/BillcastEngine/Reconcile/MonthComparison.swift", "      if matches { continue }", "      continue")]),
    ("MR4", "the input solver steps the wrong way (x × f(x) ÷ target)", "ReconcilerTests",
     [("Sources/BillcastEngine/Reconcile/InputSolver.swift", "let next = x * target / y", "let next = x * y / target")]),
]


def sh(command):
    return subprocess.run(command, shell=True, cwd=ROOT, capture_output=True, text=True).stdout


if sh("git status --porcelain --untracked-files=no").strip():
    sys.exit("mutation-check: commit or stash your changes first (it restores each mutated file with git checkout)")

# Every mutation must still apply: a refactoring that moved the code fails here, before any build.
stale = [f"{ident}: {path}" for ident, _, _, edits in MUTATIONS for path, old, _ in edits if old not in (ROOT / path).read_text()]
if stale:
    sys.exit("mutation-check: the code to mutate is no longer there (update the script):\n  " + "\n  ".join(stale))

args = sys.argv[1:]
budget = None
if "--budget" in args:
    i = args.index("--budget")
    budget = float(args[i + 1])
    del args[i:i + 2]
started = time.monotonic()
survived = 0
not_run = []
for ident, what, tests, edits in MUTATIONS:
    if args and ident not in args:
        continue
    if budget is not None and time.monotonic() - started > budget:
        not_run.append(ident)
        continue
    paths = sorted({p for p, _, _ in edits})
    try:
        for path, old, new in edits:
            file = ROOT / path
            text = file.read_text()
            assert old in text, f"{ident}: the code to mutate is no longer in {path}"
            file.write_text(text.replace(old, new, 1))
        errors = [l for l in sh("swift build --build-tests 2>&1").splitlines() if "error:" in l]
        if errors:
            survived += 1  # a mutation that no longer applies cleanly proves nothing: fix the script
            print(f"{ident} DOES NOT BUILD: {errors[0]}")
            continue
        out = sh(f"swift test --skip-build --filter '{tests}' 2>&1")
        failed = [l for l in out.splitlines() if l.startswith("✘ Test") and "recorded an issue" in l]
        names = sorted({re.sub(r"✘ Test (\S+).*", r"\1", l) for l in failed})
        if failed:
            print(f"{ident} caught: {what}: {len(failed)} failed expectations in {', '.join(names)}")
        elif "Program crashed" in out:
            print(f"{ident} caught: {what}: the run crashed on a precondition")
        else:
            survived += 1
            print(f"{ident} SURVIVED: {what}")
    finally:
        subprocess.run(["git", "checkout", "--", *paths], cwd=ROOT, check=True)
if not_run:
    print(f"not run (time budget of {budget:.0f} s spent): {', '.join(not_run)}")
print(f"mutation check: {survived} survived, {len(not_run)} not run, in {time.monotonic() - started:.0f} s")
sys.exit(1 if survived else 0)
