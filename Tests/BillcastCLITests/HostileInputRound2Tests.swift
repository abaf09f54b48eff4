import BillcastTestSupport
import Foundation
import Testing

/// The second adversarial run's findings outside templates (issue 24): crashes, files written
/// over, and inputs that escaped their place.
@Suite("Hostile input, round 2")
struct HostileInputRound2Tests {
  /// A one-function profile whose Lambda takes `requests` a month, with no free tier.
  static func lambdaProfile(requests: String) -> String {
    """
    format: billcast.profile/1
    name: t
    region: us-east-1
    as_of: 2026-11-30
    account: {free_tier: none}
    workload: {}
    scenarios: {s: {}}
    architectures:
      a:
        components:
          f: {service: aws.lambda, inputs: {requests: \(requests), duration_ms: 1, memory_mb: 128}}
    """
  }

  @Test("diff from a billionth of a cent to dollars has no percentage instead of trapping")
  func hugePercentage() throws {
    let dir = try TemplateTests.workspace([
      "before.yaml": Self.lambdaProfile(requests: "0.00000000001"),
      "after.yaml": Self.lambdaProfile(requests: "50000000000"),
    ])
    let run = try CLI.run(["diff", "before.yaml", "after.yaml", "--format", "json"], in: dir)
    #expect(run.status == 0, "\(run.stderr)")
    let json = try #require(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    let total = try #require((json["totals"] as? [[String: Any]])?.first)
    // Before: 1e-11 requests × $0.0000002 = $0.000000000000000002, plus 1e-11 × 0.001 s × 0.125 GB
    // = 1.25e-15 GB-s × $0.0000166667 (rounded to 18 digits: 0); after: 5e10 × $0.0000002 = $10,000
    // plus 5e10 × 0.000125 GB-s = 6,250,000 GB-s × $0.0000166667 = $104.166875.
    // 10,104.166875 × 100 / 0.000000000000000002 is beyond 1.7e20: no percentage.
    #expect(total["percent"] is NSNull, "\(total)")
    let saved = try [("before.yaml", "before.json"), ("after.yaml", "after.json")].map { profile, report in
      let r = try CLI.run(["estimate", profile, "--format", "json", "--output", report], in: dir)
      #expect(r.status == 0, "\(r.stderr)")
      return report
    }
    let text = try CLI.run(["diff"] + saved, in: dir)
    #expect(text.status == 0, "\(text.stderr)")
    #expect(text.stdout.contains("+$10,104.17"), "\(text.stdout)")
  }

  static let template = """
    Resources:
      F:
        Type: AWS::Lambda::Function
        Properties: {MemorySize: 128, Runtime: nodejs20.x, Handler: x, Code: {ZipFile: x}, Role: r}
    """

  @Test("No command writes over one of its inputs, by any name; init replaces a file only with --force")
  func outputNeverReplacesAnInput() throws {
    let dir = try TemplateTests.workspace([
      "p.yaml": Self.lambdaProfile(requests: "1"), "t.yml": Self.template, "mine.yaml": "filled in\n",
    ])
    try FileManager.default.createSymbolicLink(
      atPath: dir.appendingPathComponent("link.yaml").path, withDestinationPath: "p.yaml")
    let profile = try String(contentsOf: dir.appendingPathComponent("p.yaml"), encoding: .utf8)
    for (arguments, reason) in [
      (["estimate", "p.yaml", "--output", "p.yaml"], "it is one of this command's inputs"),
      (["estimate", "p.yaml", "--output", "link.yaml"], "it is one of this command's inputs"),
      (["estimate", "p.yaml", "--output", "./p.yaml", "--format", "json"], "it is one of this command's inputs"),
      (["init", "--cloudformation", "t.yml", "--output", "t.yml"], "it exists; give --force to replace it"),
      (["init", "--cloudformation", "t.yml", "--output", "t.yml", "--force"], "it is one of this command's inputs"),
      (["init", "--cloudformation", "t.yml", "--output", "mine.yaml"], "it exists; give --force to replace it"),
    ] {
      let run = try CLI.run(arguments, in: dir)
      #expect(run.status == 74, "\(arguments)")
      #expect(run.stdout.isEmpty)
      #expect(run.stderr.contains(reason), "\(arguments): \(run.stderr)")
    }
    #expect(try String(contentsOf: dir.appendingPathComponent("p.yaml"), encoding: .utf8) == profile)
    #expect(try String(contentsOf: dir.appendingPathComponent("t.yml"), encoding: .utf8) == Self.template)
    #expect(try String(contentsOf: dir.appendingPathComponent("mine.yaml"), encoding: .utf8) == "filled in\n")
    let forced = try CLI.run(["init", "--cloudformation", "t.yml", "--output", "mine.yaml", "--force"], in: dir)
    #expect(forced.status == 0, "\(forced.stderr)")
    #expect(
      try String(contentsOf: dir.appendingPathComponent("mine.yaml"), encoding: .utf8).contains(
        "cloudformation: [t.yml]"))
  }

  @Test("init --output billing/profile.yaml names infra/t.yml as the profile reads it: ../infra/t.yml")
  func initPathsRelativeToTheProfile() throws {
    let dir = try TemplateTests.workspace(["infra/t.yml": Self.template])
    try FileManager.default.createDirectory(
      at: dir.appendingPathComponent("billing"), withIntermediateDirectories: true)
    let run = try CLI.run(["init", "--cloudformation", "infra/t.yml", "--output", "billing/profile.yaml"], in: dir)
    #expect(run.status == 0, "\(run.stderr)")
    var starter = try String(contentsOf: dir.appendingPathComponent("billing/profile.yaml"), encoding: .utf8)
    #expect(starter.contains("cloudformation: [../infra/t.yml]"), "\(starter)")
    // Filled in, the starter loads from the repository's root: its template is found.
    starter = starter.replacingOccurrences(of: "~", with: "1")
    try starter.write(to: dir.appendingPathComponent("billing/profile.yaml"), atomically: true, encoding: .utf8)
    let estimate = try CLI.run(["estimate", "billing/profile.yaml"], in: dir)
    #expect(estimate.status == 0, "\(estimate.stderr)")
  }

  @Test("A pricing/ above the profile that another user owns or can write is skipped with a warning")
  func plantedPricingDirectory() throws {
    let rates = "pricing/aws/rates/us-east-1.yaml"
    for change in [
      "world-writable", "other owner", "rates file writable", "rates folder owner", "rates link", "trusted",
    ] {
      let dir = try TemplateTests.workspace(["sub/p.yaml": Self.lambdaProfile(requests: "1")])
      try FileManager.default.copyItem(
        at: URL(fileURLWithPath: TestSupport.testPricingPath), to: dir.appendingPathComponent("pricing"))
      let planted = dir.appendingPathComponent("pricing").path
      switch change {
      case "world-writable": #expect(chmod(planted, 0o777) == 0)
      case "other owner": #expect(chown(planted, geteuid() + 4242, getegid()) == 0)  // the tests run as root in CI
      case "rates file writable": #expect(chmod(dir.appendingPathComponent(rates).path, 0o666) == 0)
      case "rates folder owner":
        #expect(chown(dir.appendingPathComponent("pricing/aws/rates").path, geteuid() + 4242, getegid()) == 0)
      case "rates link":
        let file = dir.appendingPathComponent(rates).path
        try FileManager.default.moveItem(atPath: file, toPath: dir.appendingPathComponent("elsewhere.yaml").path)
        try FileManager.default.createSymbolicLink(atPath: file, withDestinationPath: "../../../elsewhere.yaml")
        #expect(chmod(planted, 0o755) == 0)
      default: #expect(chmod(planted, 0o755) == 0)
      }
      // No BILLCAST_PRICING, so that billcast searches (the planted copy is of the frozen test catalog).
      let run = try CLI.run(["estimate", "sub/p.yaml"], in: dir, environment: CLI.findsItsPricing)
      #expect(run.status == 0, "\(run.stderr)")
      if change == "trusted" {
        #expect(run.stdout.contains("Pricing (from pricing): aws/us-east-1"), "\(run.stdout)")
        #expect(run.stderr.isEmpty)
      } else {
        #expect(run.stdout.contains("Pricing (built into billcast): "), "\(change): \(run.stdout)")
        #expect(run.stderr.contains("warning: not using the pricing directory"), "\(change): \(run.stderr)")
      }
    }
  }

  @Test("Names, descriptions and file names cannot break out of a Markdown report")
  func markdownInjection() throws {
    let hostile = "</details><h1>Approved</h1> ![i](http://e/i.png) [ok](http://evil)"
    let profile = Self.lambdaProfile(requests: "1")
      .replacingOccurrences(of: "name: t", with: "name: '\(hostile)'\ndescription: '\(hostile)'")
      .replacingOccurrences(of: "service: aws.lambda,", with: "service: aws.lambda, label: '\(hostile)',")
    let dir = try TemplateTests.workspace(["p.yaml": profile, "q`</details>.yaml": profile])
    for arguments in [
      ["estimate", "p.yaml", "--format", "markdown"], ["compare", "p.yaml", "--format", "markdown"],
      ["diff", "p.yaml", "q`</details>.yaml", "--format", "markdown"],
      ["estimate", "p.yaml", "q`</details>.yaml", "--format", "markdown"],
    ] {
      let run = try CLI.run(arguments, in: dir)
      #expect(run.status == 0, "\(arguments): \(run.stderr)")
      // The file name with a backtick stands in a code span with a longer fence, which shows it as typed.
      let codeSpan = "``q`</details>.yaml``"
      if arguments.contains("q`</details>.yaml") { #expect(run.stdout.contains(codeSpan), "\(run.stdout)") }
      let outsideCode = run.stdout.replacingOccurrences(of: codeSpan, with: "")
      // Each construct, not preceded by the backslash that makes it literal text.
      for forbidden in [#"(?<!\\)<h1>"#, #"(?<!\\)</details>(?!\\)"#, #"(?<!\\)\]\(http"#, #"(?<!\\)!\["#] {
        #expect(
          outsideCode.range(of: forbidden, options: .regularExpression) == nil,
          "\(arguments) lets \(forbidden) through:\n\(run.stdout)")
      }
    }
  }

  @Test("--confine reads nothing outside its directory or through a link, and quotes nothing of such a file")
  func confinement() throws {
    let dir = try TemplateTests.workspace([
      "outside/secret.yml": "secret_key: hunter2\n",
      "ws/billing/p.yaml": Self.lambdaProfile(requests: "1"),
      "ws/billing/t.yaml": Self.lambdaProfile(requests: "1")
        .replacingOccurrences(
          of: "    components:", with: "    cloudformation: [../../outside/secret.yml]\n    components:"),
      "ws/infra/inside.yml": Self.template,
    ])
    let ws = dir.appendingPathComponent("ws")
    let fm = FileManager.default
    try fm.createSymbolicLink(
      atPath: ws.appendingPathComponent("billing/leak.yaml").path, withDestinationPath: "../../outside/secret.yml")
    try fm.createSymbolicLink(
      atPath: ws.appendingPathComponent("billing/alias.yaml").path, withDestinationPath: "p.yaml")
    // No pricing inside the confined directory: the built-in tables (no figure is asserted).
    let fine = try CLI.run(["estimate", "billing/p.yaml", "--confine", "."], in: ws, environment: CLI.findsItsPricing)
    #expect(fine.status == 0, "\(fine.stderr)")
    for (profile, reason) in [
      ("billing/leak.yaml", "is outside"), ("billing/t.yaml", "is outside"),
      ("billing/alias.yaml", "through a symbolic link"), ("../outside/secret.yml", "is outside"),
    ] {
      let run = try CLI.run(["estimate", profile, "--confine", "."], in: ws, environment: CLI.findsItsPricing)
      #expect(run.status == 2, "\(profile)")
      #expect(run.stdout.isEmpty)
      #expect(run.stderr.contains(reason), "\(profile): \(run.stderr)")
      #expect(!run.stderr.contains("secret_key") && !run.stderr.contains("hunter2"), "\(profile): \(run.stderr)")
    }
    // Without --confine the template is read, and its key quoted: what the action must prevent.
    let open = try CLI.run(["estimate", "billing/t.yaml"], in: ws)
    #expect(open.status == 2 && open.stderr.contains("secret_key"))
  }

  @Test("init refuses an unknown region or service; estimate names the regions there are, located")
  func unknownRegionAndService() throws {
    let dir = try TemplateTests.workspace([
      "mars.yaml": Self.lambdaProfile(requests: "1").replacingOccurrences(of: "us-east-1", with: "mars-1")
    ])
    let services = try CLI.run(["init", "--service", "aws.nope", "aws.lamda"], in: dir)
    #expect(services.status == 2 && services.stdout.isEmpty)
    #expect(services.stderr.contains("--service: error: 'aws.nope' is not a service priced in us-east-1"))
    #expect(services.stderr.contains("'aws.lamda' is not a service priced in us-east-1 (did you mean 'aws.lambda'?)"))
    let region = try CLI.run(["init", "--service", "aws.lambda", "--region", "mars-1"], in: dir)
    #expect(region.status == 2 && region.stdout.isEmpty)
    #expect(
      region.stderr.contains(
        "--region: error: no pricing tables for region 'mars-1'; tables exist for: eu-central-1, eu-west-1, us-east-1, us-west-2"
      ), "\(region.stderr)")
    let estimate = try CLI.run(["estimate", "mars.yaml"], in: dir)
    #expect(estimate.status == 2)
    #expect(
      estimate.stderr.contains(
        "mars.yaml:3:9: error: region: no pricing tables for region 'mars-1'; tables exist for: eu-central-1, eu-west-1, us-east-1, us-west-2"
      ), "\(estimate.stderr)")
  }

  @Test("A half-filled starter names only the blanks left, not the entries already filled")
  func halfFilledStarter() throws {
    let template =
      Self.template + """

          Logs:
            Type: AWS::Logs::LogGroup
            Properties: {RetentionInDays: 7}
        """
    let dir = try TemplateTests.workspace(["t.yml": template])
    let starter = try CLI.run(["init", "--cloudformation", "t.yml", "--output", "p.yaml"], in: dir)
    #expect(starter.status == 0, "\(starter.stderr)")
    let url = dir.appendingPathComponent("p.yaml")
    var text = try String(contentsOf: url, encoding: .utf8)
    text = text.replacingOccurrences(of: "requests: ~", with: "requests: 1000")
      .replacingOccurrences(of: "duration_ms: ~", with: "duration_ms: 100")
    try text.write(to: url, atomically: true, encoding: .utf8)
    let run = try CLI.run(["estimate", "p.yaml"], in: dir)
    #expect(run.status == 2)
    let errors = run.stderr.split(separator: "\n")
    #expect(errors.count == 2, "\(run.stderr)")
    #expect(errors.allSatisfy { $0.contains("is not filled in yet") }, "\(run.stderr)")
    #expect(!run.stderr.contains("no priced resource"))
  }

  @Test("--free-tier builds no account the profile reader would refuse")
  func impossibleFreeTierOverrides() throws {
    let plain = Self.lambdaProfile(requests: "1")
    let dir = try TemplateTests.workspace([
      "plain.yaml": plain,
      "new.yaml": plain.replacingOccurrences(
        of: "account: {free_tier: none}", with: "account: {free_tier: credits, opened: 2025-09-01, credits: 100}"),
      "old.yaml": plain.replacingOccurrences(
        of: "account: {free_tier: none}", with: "account: {free_tier: legacy, opened: 2024-06-01}"),
    ])
    for (profile, tier, reason) in [
      ("plain.yaml", "legacy", "'legacy' needs the profile's account to say when it opened"),
      ("new.yaml", "legacy", "'legacy' cannot apply: the account opened 2025-09-01"),
      ("plain.yaml", "credits", "'credits' needs the profile's account to say when it opened and how many credits"),
      ("old.yaml", "credits", "'credits' cannot apply: the account opened 2024-06-01"),
    ] {
      let run = try CLI.run(["estimate", profile, "--free-tier", tier], in: dir)
      #expect(run.status == 2 && run.stdout.isEmpty, "\(profile) \(tier)")
      #expect(run.stderr.contains("--free-tier: error: \(reason)"), "\(profile) \(tier): \(run.stderr)")
    }
    // What the reader accepts, the override accepts: each account's own tier, and none/always-free on any.
    for (profile, tier) in [
      ("old.yaml", "legacy"), ("new.yaml", "credits"), ("new.yaml", "none"), ("old.yaml", "always-free"),
    ] {
      let run = try CLI.run(["estimate", profile, "--free-tier", tier], in: dir)
      #expect(run.status == 0, "\(profile) \(tier): \(run.stderr)")
    }
  }

  @Test("compare --vary finds every crossing of a step function, exact to --step")
  func breakEvenOfAStepFunction() throws {
    let profile = """
      format: billcast.profile/1
      name: step
      region: us-east-1
      as_of: 2026-11-30
      account: {free_tier: none}
      workload:
        users: 1000
      scenarios: {s: {}}
      architectures:
        servers:
          components:
            web: {service: aws.ec2, inputs: {instance_type: t3.micro, instances: ceil(users / 1000), hours: 730, public_ipv4: 0}}
        storage:
          components:
            files: {service: aws.s3, inputs: {storage_gb: 1000 + users * 0.32, put_requests: 0, get_requests: 0}}
      """
    let dir = try TemplateTests.workspace(["step.yaml": profile])
    let run = try CLI.run(
      ["compare", "step.yaml", "--vary", "users", "--from", "0", "--to", "100000", "--step", "1", "--format", "json"],
      in: dir)
    #expect(run.status == 0, "\(run.stderr)")
    let json = try #require(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    let search = try #require((json["break_even"] as? [[String: Any]])?.first)
    let crossings = try #require(search["crossings"] as? [[String: Any]]).map {
      ($0["at"] as! String, $0["to"] as! String)
    }
    // servers: E(u) = ceil(u / 1000) × 730 h × $0.0104 = $7.592 per started thousand users.
    // storage: L(u) = (1000 + 0.32 u) GB × $0.023 = $23 + $0.00736 u (first 50 TB tier).
    // In the thousand k (u = 1000k+1 … 1000(k+1)), E − L runs from 0.232k − 15.41536 down to
    // 0.232(k+1) − 23: storage becomes cheaper at u = 1000k + 1 for k = 67…99 (33 times) and
    // servers again inside each thousand k = 67…98 (32 times), where 7.592(k+1) < 23 + 0.00736u.
    #expect(crossings.count == 65, "\(crossings.count) crossings")
    #expect(crossings.filter { $0.1 == "storage" }.map(\.0) == (67...99).map { "\($0 * 1000 + 1)" })
    // k = 67: servers cheaper from u > (7.592 × 68 − 23) / 0.00736 = 67,018.47…: at 67,019.
    #expect(crossings.dropFirst().first.map { $0 == ("67019", "servers") } == true)
    // The old search saw colinear totals at 0, 50,000 and 100,000 and found 9.
  }

  @Test("One run prices at most 200 projects and reads at most 100 templates an architecture, and says so")
  func aggregateLimits() throws {
    var files = ["p.yaml": Self.lambdaProfile(requests: "1")]
    files["billcast.yml"] =
      "format: billcast.projects/1\nprojects:\n" + (0..<201).map { "  - {path: p.yaml, name: p\($0)}\n" }.joined()
    let template = "Resources:\n  T: {Type: AWS::SNS::Topic}\n"
    for i in 0..<101 { files["tpl/t\(i).yml"] = template }
    files["many.yaml"] = Self.lambdaProfile(requests: "1")
      .replacingOccurrences(of: "    components:", with: "    cloudformation: [tpl/*.yml]\n    components:")
    let dir = try TemplateTests.workspace(files)
    let projects = try CLI.run(["estimate", "billcast.yml"], in: dir)
    #expect(projects.status == 2 && projects.stdout.isEmpty)
    #expect(projects.stderr.contains("these name 201 projects; one run prices at most 200"), "\(projects.stderr)")
    let templates = try CLI.run(["estimate", "many.yaml"], in: dir)
    #expect(templates.status == 2 && templates.stdout.isEmpty)
    #expect(
      templates.stderr.contains("the patterns name 101 templates; one architecture reads at most 100"),
      "\(templates.stderr)")
  }

  @Test("One-character paths (a profile named p, a pattern *, --output x) are paths, not a trap")
  func oneCharacterPaths() throws {
    let dir = try TemplateTests.workspace([
      "p": Self.lambdaProfile(requests: "1"),
      "star.yaml": Self.lambdaProfile(requests: "1")
        .replacingOccurrences(of: "    components:", with: "    cloudformation: \"?\"\n    components:"),
      "billcast.yml": "format: billcast.projects/1\nprojects:\n  - {path: \"p\"}\n",
    ])
    let profile = try CLI.run(["estimate", "p"], in: dir)
    #expect(profile.status == 0, "\(profile.stderr)")
    let list = try CLI.run(["estimate", "billcast.yml"], in: dir)
    #expect(list.status == 0, "\(list.stderr)")
    // `?` matches the one-character profile `p`, which is no template: a located error, exit 2.
    let pattern = try CLI.run(["estimate", "star.yaml"], in: dir)
    #expect(pattern.status == 2, "\(pattern.stderr)")
    #expect(pattern.stderr.contains("p:1:1: error:"), "\(pattern.stderr)")
    let output = try CLI.run(["init", "--service", "aws.lambda", "--output", "x"], in: dir)
    #expect(output.status == 0, "\(output.stderr)")
    #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("x").path))
  }
}
