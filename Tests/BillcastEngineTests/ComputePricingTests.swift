import BillcastCore
import BillcastEngine
import Foundation
import Testing

/// Hand-computed months of the compute alternatives, priced against the frozen test catalog
/// (Tests/Fixtures/pricing/aws/model/compute.yaml with us-east-1's rates).
@Suite("Compute alternatives")
struct ComputePricingTests {
  @Test("App Runner, 1 vCPU / 2 GB, one instance provisioned all month, active 200 h, 120 wake-ups")
  func appRunnerMonth() throws {
    let text = Fixtures.profile([
      ("app", "aws.apprunner", [("vcpu", "1"), ("memory_gb", "2"), ("active_hours", "200"), ("activations", "120")])
    ])
    let r = try Fixtures.price(text)
    // Provisioned memory: 1 instance × 2 GB × 730 h × $0.007 = $10.22.
    #expect(r.line("app", "provisioned-memory").cost.high == d("10.22"))
    // Active vCPU: 1 vCPU × (200 h + 120 × 1 min / 60 = 2 h) × $0.064 = 202 × 0.064 = $12.928.
    #expect(r.line("app", "active-vcpu").cost.high == d("12.928"))
    // Active memory beyond the provisioned instance: max(200 − 1 × 730, 0) = 0.
    #expect(r.total == Interval(d("23.148")))
  }

  @Test("App Runner active around the clock: $0.064 × 730 + 2 GB × $0.007 × 730 = $56.94 (the fact sheet's figure)")
  func appRunnerAlwaysActive() throws {
    let text = Fixtures.profile([
      ("app", "aws.apprunner", [("vcpu", "1"), ("memory_gb", "2"), ("active_hours", "730")])
    ])
    // 46.72 + 10.22 = 56.94.
    #expect(try Fixtures.price(text).total == Interval(d("56.94")))
  }

  @Test("EC2 t3.micro with unlimited-mode credits and a public IPv4 address, no free tier")
  func ec2WithCredits() throws {
    let text = Fixtures.profile([("vm", "aws.ec2", [("instance_type", "t3.micro"), ("surplus_vcpu_hours", "40")])])
    let r = try Fixtures.price(text)
    // 730 h × $0.0104 = $7.592; 40 surplus vCPU-hours × $0.05 = $2.00; 730 IP-hours × $0.005 = $3.65.
    #expect(r.line("vm", "instance-hours").cost.high == d("7.592"))
    #expect(r.line("vm", "cpu-credits").cost.high == d("2"))
    #expect(r.line("vm", "public-ipv4").cost.high == d("3.65"))
    #expect(r.total == Interval(d("13.242")))
  }

  @Test("the public IPv4 charge starts on 2024-02-01")
  func ipv4IsDated() throws {
    let text = Fixtures.profile([("vm", "aws.ec2", [("instance_type", "t3.micro")])], asOf: "2024-01-31")
    let r = try Fixtures.price(text)
    #expect(!r.components[0].lines.contains { $0.meter == "public-ipv4" })
    #expect(r.total == Interval(d("7.592")))
    let later = try Fixtures.price(
      Fixtures.profile([("vm", "aws.ec2", [("instance_type", "t3.micro")])], asOf: "2024-02-01"))
    #expect(later.total == Interval(d("11.242")))  // 7.592 + 3.65
  }

  @Test("Fargate task 0.5 vCPU / 1 GB all month behind an ALB at 0.5 LCU")
  func fargateAndALB() throws {
    let text = Fixtures.profile([
      ("task", "aws.ecs-fargate", [("vcpu", "0.5"), ("memory_gb", "1")]),
      ("alb", "aws.elb", [("lcus", "0.5")]),
    ])
    let r = try Fixtures.price(text)
    // vCPU: 0.5 × 730 h × $0.04048 = $14.7752; memory: 1 GB × 730 h × $0.004445 = $3.24485.
    #expect(r.component("task").cost.high == d("18.02005"))
    // ALB: 730 h × $0.0225 = $16.425; LCUs: 0.5 × 730 × $0.008 = $2.92; an internet-facing ALB in two
    // Availability Zones has two public IPv4 addresses: 2 × 730 × $0.005 = $7.30 (since 2024-02-01).
    #expect(r.component("alb").cost.high == d("26.645"))
    #expect(r.total == Interval(d("44.66505")))
  }

  @Test("an 8 GB gp3 volume: 8 × $0.08 = $0.64; the legacy first year covers 30 GB")
  func ebs() throws {
    let text = Fixtures.profile([("disk", "aws.ebs", [("storage_gb", "8")])])
    #expect(try Fixtures.price(text).total == Interval(d("0.64")))
    let legacy = Fixtures.profile(
      [("disk", "aws.ebs", [("storage_gb", "40")])], freeTier: "legacy", opened: "2024-06-01", asOf: "2024-10-01")
    // (40 − 30) × $0.08 = $0.80.
    #expect(try Fixtures.price(legacy).total == Interval(d("0.8")))
  }

  @Test func invalidAppRunnerSizeIsAnError() throws {
    let text = Fixtures.profile([("app", "aws.apprunner", [("vcpu", "1"), ("memory_gb", "8"), ("active_hours", "10")])])
    do {
      _ = try Fixtures.price(text)
      Issue.record("priced an invalid size")
    } catch let error as DiagnosticError {
      #expect(error.diagnostics[0].message.contains("vcpu = 1, memory_gb = 8 is not a valid size"))
      #expect(error.diagnostics[0].line != nil)
    }
  }

  @Test func unknownInstanceTypeGetsASuggestion() throws {
    let text = Fixtures.profile([("vm", "aws.ec2", [("instance_type", "t3.mirco")])])
    do {
      _ = try Fixtures.price(text)
      Issue.record("priced an unknown instance type")
    } catch let error as DiagnosticError {
      #expect(error.diagnostics[0].message.contains("'t3.mirco' is not a value of instance_type"))
      #expect(error.diagnostics[0].message.contains("(did you mean 't3.micro'?)"))
    }
  }
}
