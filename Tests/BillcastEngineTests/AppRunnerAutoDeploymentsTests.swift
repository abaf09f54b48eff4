import BillcastCore
import BillcastTestSupport
import Testing

@testable import BillcastProfile

/// An App Runner service's automatic deployments ($1 an application a month) are read from a
/// Terraform plan's `source_configuration.0.auto_deployments_enabled` as from CloudFormation's
/// `SourceConfiguration.AutoDeploymentsEnabled`.
@Suite("App Runner automatic deployments")
struct AppRunnerAutoDeploymentsTests {
  static func plan(_ enabled: String) -> String {
    """
    {"format_version":"1.2","terraform_version":"1.9.5","planned_values":{"root_module":{"resources":[{"address":"aws_apprunner_service.Site","mode":"managed","type":"aws_apprunner_service","name":"Site","provider_name":"registry.terraform.io/hashicorp/aws","schema_version":0,"values":{"service_name":"site","source_configuration":[{"auto_deployments_enabled":\(enabled),"image_repository":[{"image_identifier":"123456789012.dkr.ecr.us-east-1.amazonaws.com/site:latest","image_repository_type":"ECR"}]}]}}]}}}
    """
  }

  static func fixture(_ enabled: String) -> ResourceFixture {
    ResourceFixture(
      name: "apprunner/auto-deployments-\(enabled)", region: "us-east-1", freeTier: "none", cloudFormation: nil,
      terraform: plan(enabled), usage: .mapping(["Site": .mapping(["active_hours": "0"])]), expectedMeters: [:],
      expectedTotal: .zero, expectedStatus: [:])
  }

  @Test("auto_deployments_enabled true adds the $1 monthly charge; false adds nothing")
  func terraformAutoDeployments() throws {
    let catalog = try TestSupport.testCatalog()
    let on = try Self.fixture("true").price(.terraform, catalog: catalog)
    #expect(on.meters["aws.apprunner/automatic-deployments"] == ExactDecimal("1"))
    let off = try Self.fixture("false").price(.terraform, catalog: catalog)
    #expect(off.meters["aws.apprunner/automatic-deployments"] == nil)
    // 1 vCPU / 2 GB by default: 2 GB x 730 h x $0.007 = $10.22 either way.
    #expect(on.total - off.total == ExactDecimal("1"))
  }
}
