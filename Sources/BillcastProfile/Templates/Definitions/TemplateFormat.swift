import BillcastCore

/// The two spellings of infrastructure as code billcast reads one resource definition through.
enum TemplateFormat: String, Sendable, CaseIterable {
  /// CloudFormation and SAM templates: `AWS::Lambda::Function`, `MemorySize`.
  case cloudFormation = "cloudformation"
  /// Terraform plans (`terraform show -json`): `aws_lambda_function`, `memory_size`.
  case terraform
}
