import BillcastCore

extension ComponentDraft {
  /// The inputs a Lambda@Edge component takes from its function.
  private static let edgeInputs: Set = ["requests", "duration_ms", "memory_mb"]

  /// Reprices a Lambda function's component as Lambda@Edge: its memory stays; its architecture and
  /// ephemeral storage have no Lambda@Edge rate, and its Provisioned Concurrency is left out (said so).
  mutating func runAtEdge(distribution: String) {
    service = "aws.lambda-edge"
    if inputs.contains(where: { $0.name == "provisioned_concurrency" }) {
      unpricedParts.append(
        (
          id,
          "its Provisioned Concurrency: the function runs as Lambda@Edge, which has no Provisioned Concurrency rate",
          location
        ))
    }
    inputs.removeAll { !Self.edgeInputs.contains($0.name) }
    unresolved.removeAll { !Self.edgeInputs.contains($0.name) }
    notes.append(
      "associated with CloudFront distribution \(distribution): priced as Lambda@Edge ($0.60 per million requests, $0.00005001 per GB-second, no free tier)"
    )
  }
}
