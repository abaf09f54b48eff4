import BillcastTestSupport
import Foundation
import Testing

/// The Terraform twins of the CloudFormation variants adversarial run 3 found priced at another
/// type's rate: EBS types billcast does not price, dedicated tenancy, Windows Fargate tasks and
/// log classes other than Standard.
extension HostileTerraformTests {
  @Test("A volume type billcast does not price is left out with a warning; dedicated tenancy is not priced")
  func terraformVolumeTypesAndTenancy() throws {
    let volumes = """
      {"instance_type": "t3.micro", "associate_public_ip_address": false,
       "root_block_device": [{"volume_type": "gp3", "volume_size": 8}],
       "ebs_block_device": [{"volume_type": "io2", "volume_size": 500, "iops": 3000}]}
      """
    let dir = try Self.workspace(plan: Self.plan([("aws_instance.vm", "aws_instance", volumes)]))
    let result = try Self.estimate(dir)
    // The instance: 730 h × $0.0104 = $7.592; the 8 GB gp3 root volume: 8 × $0.08 = $0.64. The io2
    // volume is left out, with a warning naming its type; before, it was dropped without a word.
    #expect(TemplateTests.componentCost(result, "aws_instance.vm") == "7.592")
    #expect(TemplateTests.componentCost(result, "aws_instance.vm.root_block_device") == "0.64")
    #expect(
      Self.warnings(result).contains { $0.hasPrefix("unpriced-resource:") && $0.contains("io2") },
      "\(Self.warnings(result))")
    let dedicated = try Self.workspace(
      plan: Self.plan([
        ("aws_instance.vm", "aws_instance", "{\"instance_type\": \"t3.micro\", \"tenancy\": \"dedicated\"}"),
        ("aws_s3_bucket.b", "aws_s3_bucket", "{}"),
      ]), usage: "aws_s3_bucket.b: {storage_gb: 1, put_requests: 0, get_requests: 0}")
    let statuses = try TemplateTests.statuses(try Self.estimate(dedicated))
    #expect(statuses["aws_instance.vm"] == "not-priced")
  }

  @Test("A Delivery log class is not priced and an unknown one is an error; a Windows Fargate task is not priced")
  func terraformLogClassesAndWindows() throws {
    let delivery = try Self.workspace(
      plan: Self.plan([
        (
          "aws_cloudwatch_log_group.d", "aws_cloudwatch_log_group",
          "{\"name\": \"d\", \"log_group_class\": \"DELIVERY\"}"
        ),
        ("aws_s3_bucket.b", "aws_s3_bucket", "{}"),
      ]), usage: "aws_s3_bucket.b: {storage_gb: 1, put_requests: 0, get_requests: 0}")
    #expect(try TemplateTests.statuses(try Self.estimate(delivery))["aws_cloudwatch_log_group.d"] == "not-priced")
    let wrong = try Self.workspace(
      plan: Self.plan([
        (
          "aws_cloudwatch_log_group.d", "aws_cloudwatch_log_group",
          "{\"name\": \"d\", \"log_group_class\": \"standard\"}"
        )
      ]))
    let run = try CLI.run(["estimate", "profile.yaml"], in: wrong)
    #expect(run.status == 2)
    #expect(run.stderr.contains("log_group_class 'standard' is not a log class"), "\(run.stderr)")
    let windows = try Self.workspace(
      plan: Self.plan(
        [
          Self.service("aws_ecs_service.s", "web:1"),
          (
            "aws_ecs_task_definition.t", "aws_ecs_task_definition",
            "{\"family\": \"web\", \"cpu\": \"1024\", \"memory\": \"2048\", \"runtime_platform\": [{\"operating_system_family\": \"WINDOWS_SERVER_2022_CORE\"}]}"
          ),
          ("aws_s3_bucket.b", "aws_s3_bucket", "{}"),
        ], config: Self.taskReference), usage: "aws_s3_bucket.b: {storage_gb: 1, put_requests: 0, get_requests: 0}")
    #expect(try TemplateTests.statuses(try Self.estimate(windows))["aws_ecs_service.s"] == "not-priced")
  }
}
