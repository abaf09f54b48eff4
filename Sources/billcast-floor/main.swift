// billcast-floor: the floor that `billcast estimate`'s whole-process time is measured against.
//
// It starts, loads Foundation and Yams, reads the YAML files it is given (the profile and
// every pricing table billcast reads for it) and composes each into Yams's node tree, as
// billcast does before anything else. It prices nothing and prints nothing. scripts/bench.sh
// builds it with billcast's own release settings and reports billcast's time as a ratio to it.
import Foundation
import Yams

/// The nodes of a tree (walked, as billcast walks it to enforce its node limit).
func count(_ node: Node) -> Int {
  switch node {
  case .scalar, .alias: return 1
  case .mapping(let mapping): return mapping.reduce(1) { $0 + count($1.key) + count($1.value) }
  case .sequence(let sequence): return sequence.reduce(1) { $0 + count($1) }
  }
}

var nodes = 0
do {
  for path in CommandLine.arguments.dropFirst() {
    let text = try String(contentsOfFile: path, encoding: .utf8)
    if let node = try Yams.compose(yaml: text, Resolver.basic) { nodes += count(node) }
  }
} catch {
  FileHandle.standardError.write(Data("billcast-floor: \(error)\n".utf8))
  exit(2)
}
exit(nodes > 0 ? 0 : 1)
