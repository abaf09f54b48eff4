/// Resource types that cost nothing by themselves: configuration, permissions and wiring whose
/// use is billed on the resources they configure.
///
/// The list is documented in `docs/infrastructure-as-code.md`; a type on neither this list
/// nor a mapper's is reported as not priced, never dropped.
enum FreeResourceTypes {
  /// CloudFormation and SAM types.
  static let cloudFormation: Set<String> = [
    // Identity and permissions.
    "AWS::IAM::Role", "AWS::IAM::Policy", "AWS::IAM::ManagedPolicy", "AWS::IAM::InstanceProfile", "AWS::IAM::User",
    "AWS::IAM::Group", "AWS::IAM::UserToGroupAddition", "AWS::IAM::ServiceLinkedRole", "AWS::IAM::OIDCProvider",
    // Networking wiring (NAT gateways, endpoints and public IPv4 are priced separately).
    "AWS::EC2::VPC", "AWS::EC2::Subnet", "AWS::EC2::SecurityGroup", "AWS::EC2::SecurityGroupIngress",
    "AWS::EC2::SecurityGroupEgress",
    "AWS::EC2::RouteTable", "AWS::EC2::Route", "AWS::EC2::SubnetRouteTableAssociation", "AWS::EC2::InternetGateway",
    "AWS::EC2::VPCGatewayAttachment", "AWS::EC2::NetworkAcl", "AWS::EC2::NetworkAclEntry",
    "AWS::EC2::SubnetNetworkAclAssociation",
    "AWS::EC2::EIPAssociation", "AWS::EC2::KeyPair", "AWS::EC2::LaunchTemplate", "AWS::EC2::EgressOnlyInternetGateway",
    "AWS::EC2::VPCCidrBlock",
    // Lambda wiring.
    "AWS::Lambda::Version", "AWS::Lambda::Alias", "AWS::Lambda::Permission", "AWS::Lambda::EventSourceMapping",
    "AWS::Lambda::Url", "AWS::Lambda::EventInvokeConfig",
    // API Gateway wiring (requests are billed on the API).
    "AWS::ApiGatewayV2::Route", "AWS::ApiGatewayV2::Integration", "AWS::ApiGatewayV2::Stage",
    "AWS::ApiGatewayV2::Deployment",
    "AWS::ApiGatewayV2::Authorizer", "AWS::ApiGatewayV2::ApiMapping", "AWS::ApiGatewayV2::DomainName",
    "AWS::ApiGatewayV2::IntegrationResponse", "AWS::ApiGatewayV2::RouteResponse", "AWS::ApiGatewayV2::Model",
    "AWS::ApiGateway::Resource", "AWS::ApiGateway::Method", "AWS::ApiGateway::Deployment", "AWS::ApiGateway::Stage",
    "AWS::ApiGateway::Authorizer", "AWS::ApiGateway::Model", "AWS::ApiGateway::BasePathMapping",
    "AWS::ApiGateway::Account",
    "AWS::ApiGateway::DomainName", "AWS::ApiGateway::RequestValidator", "AWS::ApiGateway::GatewayResponse",
    // Storage and CDN configuration.
    "AWS::S3::BucketPolicy", "AWS::CloudFront::OriginAccessControl", "AWS::CloudFront::CloudFrontOriginAccessIdentity",
    "AWS::CloudFront::CachePolicy", "AWS::CloudFront::OriginRequestPolicy", "AWS::CloudFront::ResponseHeadersPolicy",
    // DNS records (queries are billed on the hosted zone), public certificates.
    "AWS::Route53::RecordSet", "AWS::Route53::RecordSetGroup", "AWS::CertificateManager::Certificate",
    // Containers and load balancer wiring.
    "AWS::ECS::Cluster", "AWS::ECS::ClusterCapacityProviderAssociations", "AWS::ElasticLoadBalancingV2::Listener",
    "AWS::ElasticLoadBalancingV2::ListenerRule", "AWS::ElasticLoadBalancingV2::TargetGroup",
    "AWS::ElasticLoadBalancingV2::ListenerCertificate", "AWS::ApplicationAutoScaling::ScalableTarget",
    "AWS::ApplicationAutoScaling::ScalingPolicy",
    // Database configuration.
    "AWS::RDS::DBSubnetGroup", "AWS::RDS::DBClusterParameterGroup", "AWS::RDS::DBParameterGroup",
    // Secrets wiring, log wiring and scheduled or AWS-event rules on the default bus.
    "AWS::SecretsManager::SecretTargetAttachment", "AWS::SecretsManager::ResourcePolicy",
    "AWS::Logs::SubscriptionFilter",
    "AWS::Logs::MetricFilter", "AWS::Events::Rule",
    // Stack plumbing; custom resources (the function behind one is priced as a function).
    "AWS::CloudFormation::WaitConditionHandle", "AWS::CloudFormation::WaitCondition", "AWS::CDK::Metadata",
    "AWS::CloudFormation::Macro", "AWS::CloudFormation::CustomResource",
    // More permissions and wiring, found by reading AWS's sample templates and SAM's test inputs.
    "AWS::IAM::RolePolicy", "AWS::IAM::UserPolicy", "AWS::IAM::GroupPolicy", "AWS::Serverless::Connector",
    "AWS::Lambda::LayerVersion", "AWS::Serverless::LayerVersion", "AWS::Lambda::LayerVersionPermission",
    "AWS::Logs::QueryDefinition", "AWS::Logs::ResourcePolicy", "AWS::KMS::Alias", "AWS::SNS::Subscription",
    "AWS::SNS::TopicPolicy", "AWS::SQS::QueuePolicy", "AWS::Events::EventBus", "AWS::EFS::MountTarget",
    "AWS::EC2::NetworkInterface", "AWS::EC2::VPCEndpointServicePermissions", "AWS::AutoScaling::LaunchConfiguration",
    "AWS::AutoScaling::ScalingPolicy", "AWS::AutoScaling::ScheduledAction", "AWS::AutoScaling::LifecycleHook",
    "AWS::SSM::Parameter", "AWS::SSM::Document", "AWS::Cognito::UserPoolClient", "AWS::Cognito::UserPoolDomain",
    "AWS::Cognito::IdentityPoolRoleAttachment", "AWS::ApiGateway::UsagePlan", "AWS::ApiGateway::UsagePlanKey",
    "AWS::ApiGateway::ApiKey", "AWS::SecretsManager::RotationSchedule", "AWS::StepFunctions::Activity",
    "AWS::CodeDeploy::Application", "AWS::CodeDeploy::DeploymentGroup", "AWS::ServiceCatalog::TagOption",
    "AWS::IoT::Policy",
  ]

  /// Whether a CloudFormation type is free: on the list, or a custom resource (`Custom::…`).
  static func isFree(cloudFormation type: String) -> Bool {
    cloudFormation.contains(type) || type.hasPrefix("Custom::")
  }

  /// Terraform AWS provider types.
  static let terraform: Set<String> = [
    "aws_iam_role", "aws_iam_policy", "aws_iam_role_policy", "aws_iam_role_policy_attachment",
    "aws_iam_policy_attachment",
    "aws_iam_instance_profile", "aws_iam_user", "aws_iam_group",
    "aws_vpc", "aws_subnet", "aws_security_group", "aws_security_group_rule", "aws_vpc_security_group_ingress_rule",
    "aws_vpc_security_group_egress_rule", "aws_route_table", "aws_route", "aws_route_table_association",
    "aws_internet_gateway",
    "aws_network_acl", "aws_eip_association", "aws_key_pair", "aws_launch_template", "aws_default_vpc",
    "aws_default_subnet",
    "aws_lambda_permission", "aws_lambda_alias", "aws_lambda_event_source_mapping", "aws_lambda_function_url",
    "aws_apigatewayv2_route", "aws_apigatewayv2_integration", "aws_apigatewayv2_stage", "aws_apigatewayv2_deployment",
    "aws_apigatewayv2_authorizer", "aws_apigatewayv2_api_mapping", "aws_apigatewayv2_domain_name",
    "aws_api_gateway_resource", "aws_api_gateway_method", "aws_api_gateway_integration", "aws_api_gateway_deployment",
    "aws_api_gateway_stage", "aws_api_gateway_method_response", "aws_api_gateway_integration_response",
    "aws_s3_bucket_policy", "aws_s3_bucket_versioning", "aws_s3_bucket_public_access_block",
    "aws_s3_bucket_lifecycle_configuration",
    "aws_s3_bucket_server_side_encryption_configuration", "aws_s3_bucket_ownership_controls",
    "aws_s3_bucket_cors_configuration",
    "aws_s3_object",
    "aws_cloudfront_origin_access_control", "aws_cloudfront_origin_access_identity", "aws_cloudfront_cache_policy",
    "aws_cloudfront_origin_request_policy", "aws_cloudfront_response_headers_policy",
    "aws_route53_record", "aws_acm_certificate", "aws_acm_certificate_validation",
    "aws_ecs_cluster", "aws_lb_listener", "aws_lb_listener_rule", "aws_lb_target_group",
    "aws_lb_target_group_attachment", "aws_appautoscaling_target", "aws_appautoscaling_policy",
    "aws_db_subnet_group", "aws_rds_cluster_parameter_group", "aws_db_parameter_group",
    "aws_secretsmanager_secret_version", "aws_secretsmanager_secret_policy", "aws_cloudwatch_log_subscription_filter",
    "aws_cloudwatch_log_metric_filter", "aws_cloudwatch_event_rule", "aws_cloudwatch_event_target",
    "aws_iam_user_policy", "aws_iam_group_policy", "aws_iam_openid_connect_provider", "aws_lambda_layer_version",
    "aws_lambda_layer_version_permission", "aws_cloudwatch_query_definition", "aws_cloudwatch_log_resource_policy",
    "aws_kms_alias", "aws_sns_topic_subscription", "aws_sns_topic_policy", "aws_sqs_queue_policy",
    "aws_cloudwatch_event_bus",
    "aws_efs_mount_target", "aws_network_interface", "aws_launch_configuration", "aws_autoscaling_policy",
    "aws_autoscaling_schedule", "aws_autoscaling_lifecycle_hook", "aws_ssm_parameter", "aws_ssm_document",
    "aws_cognito_user_pool_client", "aws_cognito_user_pool_domain", "aws_api_gateway_usage_plan",
    "aws_api_gateway_usage_plan_key", "aws_api_gateway_api_key", "aws_secretsmanager_secret_rotation",
    "aws_codedeploy_app", "aws_codedeploy_deployment_group", "aws_lambda_provisioned_concurrency_config",
  ]
}
