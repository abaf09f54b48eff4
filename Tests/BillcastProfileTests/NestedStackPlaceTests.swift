import Testing

@testable import BillcastProfile

/// Where a nested stack's template is, read as SAM CLI reads `TemplateURL` and `Location`.
@Suite("Nested stack template places")
struct NestedStackPlaceTests {
  static func local(_ text: String, parent: String) -> String? {
    if case .local(let path) = NestedStacks.place(text, parent: parent) { return path }
    return nil
  }

  @Test("A relative path is read from the parent's folder, its . and .. parts resolved as text")
  func relative() {
    #expect(Self.local("./msk-cluster.yaml", parent: "infra/template.yaml") == "infra/msk-cluster.yaml")
    #expect(Self.local("layer/template.yml", parent: "template.yml") == "layer/template.yml")
    #expect(Self.local("../shared/vpc.yml", parent: "infra/app/template.yml") == "infra/shared/vpc.yml")
    #expect(Self.local("../vpc.yml", parent: "template.yml") == "../vpc.yml")
    #expect(Self.local("/abs/child.yml", parent: "infra/template.yml") == "/abs/child.yml")
  }

  @Test("file:// is a local path; s3://, http:// and https:// (any case) and other schemes are remote")
  func schemes() {
    #expect(Self.local("file:///tmp/my%20child.yml", parent: "t.yml") == "/tmp/my child.yml")
    for url in [
      "s3://bucket/child.yml", "https://s3.amazonaws.com/b/c.yml", "HTTP://example.com/c.yml", "ftp://x/c.yml",
    ] {
      guard case .remote(let text) = NestedStacks.place(url, parent: "t.yml") else {
        Issue.record("\(url) is not remote")
        continue
      }
      #expect(text == url)
    }
  }
}
