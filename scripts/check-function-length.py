#!/usr/bin/env python3
"""Lists every function, initializer and computed property in Sources/ and Plugins/ longer than
LIMIT lines that does not say why in its doc comment ("Long on purpose: ...").

Usage: scripts/check-function-length.py [--limit N]   (default 60; exits 1 if any is found)

A function's length runs from its declaration line to its closing brace. Braces inside string
literals (including multi-line ones) are not counted.
"""
import pathlib, re, sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
LIMIT = int(sys.argv[sys.argv.index("--limit") + 1]) if "--limit" in sys.argv else 60
DECL = re.compile(r'^\s*(?:@\w+(?:\([^)]*\))?\s+)*(?:(?:public|package|internal|private|fileprivate|static|final|override|mutating|nonisolated|convenience|required|@inline\(__always\))\s+)*(?:func\s+\w+|init[?!]?\s*[<(]|subscript\s*[<(]|var\s+\w+\s*:[^={]*\{\s*$)')


def skip_string(line, i):
    """The index just past the string literal opening at line[i] (a `"`); interpolations
    `\\( … )` are skipped with the strings nested in them."""
    i += 1
    while i < len(line):
        if line.startswith("\\(", i):
            i, depth = i + 2, 1
            while i < len(line) and depth:
                if line[i] == '"':
                    i = skip_string(line, i)
                    continue
                depth += {"(": 1, ")": -1}.get(line[i], 0)
                i += 1
            continue
        if line[i] == "\\":
            i += 2
            continue
        if line[i] == '"':
            return i + 1
        i += 1
    return i


def code_only(line, state):
    """The line with string contents blanked; `state` carries an open multi-line string."""
    out, i = [], 0
    while i < len(line):
        if state["multi"]:
            if line.startswith('"""', i):
                state["multi"] = False
                i += 3
            else:
                i += 1
            continue
        if line.startswith('"""', i):
            state["multi"] = True
            i += 3
            continue
        if line[i] == '"':
            i = skip_string(line, i)
            continue
        if line.startswith("//", i):
            break
        out.append(line[i])
        i += 1
    return "".join(out)


def main():
    found = []
    for path in sorted([*(ROOT / "Sources").rglob("*.swift"), *(ROOT / "Plugins").rglob("*.swift")]):
        rel = path.relative_to(ROOT).as_posix()
        lines = path.read_text().split("\n")
        state = {"multi": False}
        code = [code_only(l, state) for l in lines]
        for i, line in enumerate(lines):
            if not DECL.match(code[i]) or "{" not in "".join(code[i:i + 8]):
                continue
            depth, started, j = 0, False, i
            while j < len(lines):
                for ch in code[j]:
                    if ch == "{":
                        depth += 1
                        started = True
                    elif ch == "}":
                        depth -= 1
                if started and depth <= 0:
                    break
                j += 1
            length = j - i + 1
            if length <= LIMIT:
                continue
            doc = "\n".join(lines[max(0, i - 12):i])
            if "Long on purpose" in doc:
                continue
            found.append(f"{rel}:{i + 1}: {length} lines: {line.strip()[:90]}")
    for f in found:
        print(f)
    print(f"check-function-length: {len(found)} function(s) over {LIMIT} lines without a stated reason")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
