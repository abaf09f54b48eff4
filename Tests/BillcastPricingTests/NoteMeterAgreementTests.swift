import BillcastCore
import BillcastPricing
import BillcastTestSupport
import Testing

/// `pricing validate` catches a note that says its charge is left out while a meter of its service prices it
/// (issue 25, item 4: the ALB's, the NAT gateway's and Fargate's public IPv4 notes did, and a reader would add the
/// charge twice).
@Suite("Notes that contradict their meters")
struct NoteMeterAgreementTests {
  /// A table with one service whose meter `public-ipv4` prices the address, and a note named after it.
  static func table(note: String) -> String {
    TestSupport.pricingTableHeader + """
        test.alb:
          name: Test ALB
          inputs:
            hours: {unit: hours, hard: {min: 0}}
          meters:
            public-ipv4:
              unit: IP-hours
              quantity: hours
              price: {rate: 0.005, per: 1, source: page}
          notes:
            - code: alb-public-ipv4
              severity: info
              message: "\(note)"
              source: page

      """
  }

  static func problems(note: String) throws -> [Diagnostic] {
    PricingValidation.check(try TestSupport.catalog(table(note: note)), today: CalendarDate("2026-12-06")!)
  }

  @Test(
    "the old wordings of the three public IPv4 notes are errors",
    arguments: [
      // alb-public-ipv4 before commit abf8ba0
      "An internet-facing ALB holds a public IPv4 address in each enabled Availability Zone, each billed $0.005 per hour since 2024-02-01 - at least $7.30 a month per ALB at 730 h, not included here. Internal ALBs have no public addresses.",
      // nat-public-ipv4 before commit abf8ba0
      "Each public NAT gateway's public IPv4 address is reported as billed at $0.005 per hour ($3.65 a month at 730 h); not modelled here.",
      // fargate-public-ipv4 before this change
      "A task in a public subnet with a public IPv4 address pays $0.005 per hour per address (not in this component); tasks in private subnets need a NAT gateway.",
    ])
  func oldWordings(note: String) throws {
    let found = try Self.problems(note: note)
    #expect(found.count == 1)
    #expect(found.first?.path == "services.test.alb.notes.alb-public-ipv4")
    #expect(found.first?.message.contains("test.alb/public-ipv4 prices it") == true)
  }

  @Test("a note that says the meter prices the charge, or that leaves out another charge, is not")
  func agreeingNotes() throws {
    #expect(try Self.problems(note: "Each address is billed $0.005 per hour, priced here as public-ipv4.").isEmpty)
    // The sentence that leaves something out does not name the meter's charge.
    #expect(
      try Self.problems(note: "Public IPv4 addresses are priced as public-ipv4. Data processing is not priced here.")
        .isEmpty)
  }
}
