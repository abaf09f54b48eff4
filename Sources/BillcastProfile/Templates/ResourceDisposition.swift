import BillcastCore

/// What billcast makes of one template resource.
enum ResourceDisposition {
  /// Priced as a component of its own.
  case priced(ComponentDraft)
  /// Priced as part of another resource's component (a task definition with its ECS service).
  case partOf(String)
  /// Free: the resource type costs nothing by itself.
  case free
  /// Not priced: billcast has no price for it yet, and why.
  case notPriced(String)
  /// Not created: its condition is false.
  case notCreated(String)
}
