import BillcastCore
import BillcastProfile
import BillcastReport
import Foundation

/// Prices several projects at once, on every core, and reports every project's problems together.
enum ProjectRunner {
  /// `body` for each project, in parallel; the results in the projects' order, or every
  /// project's problems (in that order) when any has one.
  static func map<T>(
    _ projects: [ProjectList.Project], _ body: @escaping (ProjectList.Project) throws(DiagnosticError) -> T
  ) throws(DiagnosticError) -> [T] {
    let slots = ConcurrentSlots<Result<T, DiagnosticError>>(count: projects.count)
    // The command's body only reads its parsed options (values that nothing writes once parsed).
    let work = UncheckedBody(body)
    DispatchQueue.concurrentPerform(iterations: projects.count) { i in
      slots.set(i, Result { () throws(DiagnosticError) in try work.body(projects[i]) })
    }
    var values: [T] = []
    var problems: [Diagnostic] = []
    for result in slots.all {
      switch result {
      case .success(let value): values.append(value)
      case .failure(let error): problems += error.diagnostics
      }
    }
    if !problems.isEmpty { throw DiagnosticError(problems) }
    return values
  }

  /// A project's report under its name: the one its list gives, else its profile's own.
  static func part<Report>(_ project: ProjectList.Project, profileName: String, _ report: Report)
    -> ProjectsReport.Part<Report>
  {
    ProjectsReport.Part(name: project.name ?? profileName, path: project.path, report: report)
  }

  /// A closure shared with the worker threads; see ``map(_:_:)`` for why it is safe.
  struct UncheckedBody<T>: @unchecked Sendable {
    let body: (ProjectList.Project) throws(DiagnosticError) -> T
    init(_ body: @escaping (ProjectList.Project) throws(DiagnosticError) -> T) { self.body = body }
  }
}
