import BillcastTestSupport
import Foundation
import Testing

/// Amazon MQ for RabbitMQ offers fewer broker types than ActiveMQ: a type it does not offer is a
/// located error that says so, never a missing rate or $0 (the shipped pricing tables).
@Suite("RabbitMQ broker types")
struct RabbitMQInstanceTypeTests {
  /// A profile of one Amazon MQ broker in a region.
  static func profile(region: String, inputs: String, at dir: URL) throws -> String {
    let path = dir.appendingPathComponent("mq-\(UUID().uuidString).yaml").path
    let text = """
      format: billcast.profile/1
      name: MQ
      region: \(region)
      architectures:
        main:
          components:
            broker:
              service: aws.mq
              inputs: {\(inputs)}
      """
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  @Test("t2.micro and m4.large are ActiveMQ's only; a RabbitMQ cluster is m5.*; an m5.large cluster prices")
  func rabbitMQTypes() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("billcast-mq-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let pricing = TestSupport.path("pricing")

    let single = try Self.profile(
      region: "eu-west-1", inputs: "engine: rabbitmq, instance_type: m4.large, storage_gb: 10", at: dir)
    let singleRun = try CLI.run(["estimate", single, "--pricing", pricing])
    #expect(singleRun.status == 2, "\(singleRun.stdout)")
    #expect(
      singleRun.stderr.contains("Amazon MQ for RabbitMQ has no mq.t2.micro or mq.m4.large brokers"),
      "\(singleRun.stderr)")
    #expect(!singleRun.stderr.contains("has no rate for"), "\(singleRun.stderr)")

    let cluster = try Self.profile(
      region: "us-east-1",
      inputs: "engine: rabbitmq, deployment_mode: cluster-multi-az, instance_type: t3.micro, storage_gb: 10", at: dir)
    let clusterRun = try CLI.run(["estimate", cluster, "--pricing", pricing])
    #expect(clusterRun.status == 2, "\(clusterRun.stdout)")
    #expect(clusterRun.stderr.contains("mq.t3.micro is single-instance only"), "\(clusterRun.stderr)")

    // An m5.large cluster is offered: it prices (the live tables' rate is not asserted, they move on).
    let priced = try Self.profile(
      region: "eu-west-1",
      inputs: "engine: rabbitmq, deployment_mode: cluster-multi-az, instance_type: m5.large, storage_gb: 10", at: dir)
    let pricedRun = try CLI.run(["estimate", priced, "--pricing", pricing])
    #expect(pricedRun.status == 0, "\(pricedRun.stderr)")
  }
}
