// Generated from pricing/**/resources.yaml (temporary until the build plugin lands).

/// The resource definitions built into billcast: each service's `resources.yaml`, by path under `pricing/`.
enum BuiltInResourceDefinitions {
  static let files: [(path: String, text: String)] = [
    (
      "aws/services/apigateway/resources.yaml",
      "# How billcast prices Amazon API Gateway resources (billcast.resources/1, see\n# docs/resource-definitions.md). Routes, stages, deployments and integrations are free\n# wiring; a REST API stage's cache is linked to its API by the template readers.\nformat: billcast.resources/1\nresources:\n  v2-api:\n    cloudformation: [AWS::ApiGatewayV2::Api]\n    terraform: [aws_apigatewayv2_api]\n    service:\n      at: {cloudformation: ProtocolType, terraform: protocol_type}\n      values: {HTTP: aws.apigateway.http, WEBSOCKET: aws.apigateway.websocket}\n      absent: aws.apigateway.http\n  sam-http-api:\n    cloudformation: [AWS::Serverless::HttpApi]\n    service: aws.apigateway.http\n  sam-websocket-api:\n    cloudformation: [AWS::Serverless::WebSocketApi]\n    service: aws.apigateway.websocket\n  rest-api:\n    cloudformation: [AWS::ApiGateway::RestApi]\n    terraform: [aws_api_gateway_rest_api]\n    service: aws.apigateway.rest\n  sam-rest-api:\n    cloudformation: [AWS::Serverless::Api]\n    service: aws.apigateway.rest\n    rules: [sam-api-cache]\n"
    ),
    (
      "aws/services/apprunner/resources.yaml",
      "# How billcast prices AWS App Runner services (billcast.resources/1, see\n# docs/resource-definitions.md).\nformat: billcast.resources/1\nresources:\n  service:\n    cloudformation: [AWS::AppRunner::Service]\n    terraform: [aws_apprunner_service]\n    service: aws.apprunner\n    rules: [app-runner-size]\n"
    ),
    (
      "aws/services/cloudfront/resources.yaml",
      "# How billcast prices Amazon CloudFront distributions (billcast.resources/1, see\n# docs/resource-definitions.md). Cache, origin-request and header policies are free.\nformat: billcast.resources/1\nresources:\n  distribution:\n    cloudformation: [AWS::CloudFront::Distribution]\n    terraform: [aws_cloudfront_distribution]\n    service: aws.cloudfront\n    rules: [cloudfront-behaviours]\n"
    ),
    (
      "aws/services/cloudwatch/resources.yaml",
      "# How billcast prices Amazon CloudWatch resources (billcast.resources/1, see\n# docs/resource-definitions.md): log groups, alarms and dashboards.\nformat: billcast.resources/1\nresources:\n  log-group:\n    cloudformation: [AWS::Logs::LogGroup]\n    terraform: [aws_cloudwatch_log_group]\n    service: aws.cloudwatch\n    required: [log_ingest_gb, log_storage_gb]\n    conditions:\n      - at: {cloudformation: LogGroupClass, terraform: log_group_class}\n        is: [INFREQUENT_ACCESS]\n        then: not-priced\n        why: the Infrequent Access log class is not priced yet\n      - at: {cloudformation: LogGroupClass, terraform: log_group_class}\n        is: [DELIVERY]\n        then: not-priced\n        why: the Delivery log class is not priced yet\n      - at: {cloudformation: LogGroupClass, terraform: log_group_class}\n        is-not: [STANDARD]\n        then: error\n        why: \"{property} '{value}' is not a log class; expected one of: DELIVERY, INFREQUENT_ACCESS, STANDARD\"\n      - at: {cloudformation: RetentionInDays}\n        present: true\n        then: note\n        why: \"logs are kept {value} days (RetentionInDays): log_storage_gb is about {value}/30 of a month's ingestion, compressed\"\n      - at: {cloudformation: RetentionInDays}\n        absent: true\n        then: note\n        why: \"no RetentionInDays: logs are kept forever, so log_storage_gb grows every month\"\n    rules: [log-type]\n  alarm:\n    cloudformation: [AWS::CloudWatch::Alarm]\n    terraform: [aws_cloudwatch_metric_alarm]\n    service: aws.cloudwatch\n    conditions:\n      # A period under 60 seconds makes a high-resolution alarm, billed at three times the rate.\n      - at: {cloudformation: Period, terraform: period}\n        below: 60\n        then: not-priced\n        why: high-resolution alarms (Period under 60 seconds) are not priced yet\n    inputs:\n      alarms: {value: \"1\"}\n  dashboard:\n    cloudformation: [AWS::CloudWatch::Dashboard]\n    terraform: [aws_cloudwatch_dashboard]\n    service: aws.cloudwatch\n    inputs:\n      dashboards: {value: \"1\"}\n"
    ),
    (
      "aws/services/ecs/resources.yaml",
      "# How billcast prices Amazon ECS resources (billcast.resources/1, see\n# docs/resource-definitions.md). A task definition is priced with the service that runs it.\nformat: billcast.resources/1\nresources:\n  task-definition:\n    cloudformation: [AWS::ECS::TaskDefinition]\n    terraform: [aws_ecs_task_definition]\n    part-of:\n      referrer: {cloudformation: AWS::ECS::Service, terraform: aws_ecs_service}\n      at: {cloudformation: TaskDefinition, terraform: task_definition}\n      otherwise: no ECS service of the templates runs this task definition (tasks started by RunTask are not priced yet)\n"
    ),
    (
      "aws/services/elb/resources.yaml",
      "# How billcast prices Elastic Load Balancing load balancers (billcast.resources/1, see\n# docs/resource-definitions.md). Listeners, rules and target groups are free wiring.\nformat: billcast.resources/1\nresources:\n  load-balancer:\n    cloudformation: [AWS::ElasticLoadBalancingV2::LoadBalancer]\n    terraform: [aws_lb, aws_alb]\n    service: aws.elb\n    conditions:\n      - at: {cloudformation: Type, terraform: load_balancer_type}\n        absent-value: application\n        is-not: [application]\n        then: not-priced\n        why: \"{value} load balancers are not priced yet (only Application Load Balancers)\"\n    inputs:\n      scheme:\n        at: {cloudformation: Scheme, terraform: internal}\n        values:\n          cloudformation: {internet-facing: internet-facing, internal: internal}\n          terraform: {\"true\": internal, \"false\": internet-facing}\n      availability_zones:\n        count: {cloudformation: [Subnets, SubnetMappings], terraform: [subnets, subnet_mapping]}\n"
    ),
    (
      "aws/services/lambda/resources.yaml",
      "# How billcast prices AWS Lambda resources of CloudFormation/SAM templates and Terraform\n# plans (billcast.resources/1, see docs/resource-definitions.md). Provisioned Concurrency\n# (on the function, an alias or a version) is linked in by the template readers.\nformat: billcast.resources/1\nresources:\n  function:\n    cloudformation: [AWS::Lambda::Function, AWS::Serverless::Function]\n    terraform: [aws_lambda_function]\n    service: aws.lambda\n    inputs:\n      memory_mb:\n        at: {cloudformation: MemorySize, terraform: memory_size}\n        default: \"128\"            # AWS's default memory\n      architecture:\n        at: {cloudformation: Architectures, terraform: architectures}\n        first-item: true\n        values: {x86_64: x86_64, arm64: arm64}\n        default: x86_64           # AWS's default architecture\n        after-apply: default\n      ephemeral_storage_mb:\n        at: {cloudformation: EphemeralStorage.Size, terraform: ephemeral_storage.0.size}\n        after-apply: default\n    rules: [lambda-one-architecture]\n"
    ),
    (
      "aws/services/rds/resources.yaml",
      "# How billcast prices Amazon Aurora and RDS resources (billcast.resources/1, see\n# docs/resource-definitions.md). An Aurora Serverless v2 cluster's capacity counts its\n# db.serverless instances; provisioned instances are not priced yet.\nformat: billcast.resources/1\nresources:\n  serverless-instance:\n    cloudformation: [AWS::RDS::DBInstance]\n    terraform: [aws_rds_cluster_instance]\n    part-of:\n      at: {cloudformation: DBClusterIdentifier, terraform: cluster_identifier}\n      names: cluster           # a cluster may be named by its DBClusterIdentifier (any case)\n      when:\n        at: {cloudformation: DBInstanceClass, terraform: instance_class}\n        is: [db.serverless]\n      otherwise: provisioned RDS and Aurora instances are not priced yet (only Aurora Serverless)\n"
    ),
    (
      "aws/services/route53/resources.yaml",
      "# How billcast prices Amazon Route 53 hosted zones (billcast.resources/1, see\n# docs/resource-definitions.md). Record sets are free; queries are usage.\nformat: billcast.resources/1\nresources:\n  hosted-zone:\n    cloudformation: [AWS::Route53::HostedZone]\n    terraform: [aws_route53_zone]\n    service: aws.route53\n    required: [standard_queries]\n    inputs:\n      hosted_zones: {value: \"1\"}\n"
    ),
    (
      "aws/services/s3/resources.yaml",
      "# How billcast prices Amazon S3 buckets (billcast.resources/1, see docs/resource-definitions.md).\nformat: billcast.resources/1\nresources:\n  bucket:\n    cloudformation: [AWS::S3::Bucket]\n    terraform: [aws_s3_bucket]\n    service: aws.s3\n    conditions:\n      - at: {cloudformation: VersioningConfiguration.Status}\n        is: [Enabled]\n        then: note\n        why: \"versioning is enabled: storage_gb should include the noncurrent versions kept\"\n"
    ),
    (
      "aws/services/secretsmanager/resources.yaml",
      "# How billcast prices AWS Secrets Manager secrets (billcast.resources/1, see\n# docs/resource-definitions.md). A replica is billed as a secret of its own.\nformat: billcast.resources/1\nresources:\n  secret:\n    cloudformation: [AWS::SecretsManager::Secret]\n    terraform: [aws_secretsmanager_secret]\n    service: aws.secretsmanager\n    inputs:\n      secrets:\n        count: {cloudformation: ReplicaRegions, terraform: replica}\n        plus: 1\n"
    ),
    (
      "aws/services/vpc/resources.yaml",
      "# How billcast prices NAT gateways and VPC endpoints (billcast.resources/1, see\n# docs/resource-definitions.md). Elastic IPs are linked to their owner by the template readers.\nformat: billcast.resources/1\nresources:\n  nat-gateway:\n    cloudformation: [AWS::EC2::NatGateway]\n    terraform: [aws_nat_gateway]\n    service: aws.nat-gateway\n    inputs:\n      gateways: {value: \"1\"}\n  endpoint:\n    cloudformation: [AWS::EC2::VPCEndpoint]\n    terraform: [aws_vpc_endpoint]\n    service: aws.vpc-endpoint\n    conditions:\n      # Gateway endpoints (S3, DynamoDB) are free; AWS's default type is Gateway.\n      - at: {cloudformation: VpcEndpointType, terraform: vpc_endpoint_type}\n        absent-value: Gateway\n        is-not: [Interface]\n        then: free\n        why: only interface endpoints are charged\n    inputs:\n      endpoints: {value: \"1\"}\n      azs:\n        count: {cloudformation: SubnetIds, terraform: subnet_ids}\n"
    ),
  ]
}
