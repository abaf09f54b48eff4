#!/usr/bin/env python3
"""Lists every Swift file in Sources/ that holds a type named after something else than the file.

Usage: scripts/check-file-names.py [--list]   (exits 1 if any is found; --list prints every
file's top-level declarations as well)

A file `X.swift` or `X+Y.swift` holds type `X` (with its nested types) and extensions of `X`
or of a type nested in it (`extension X.Z`), or, when X is a protocol, the extensions that
conform other types to it (`SnapshotCodable+Pricing.swift`: `extension Meter: SnapshotCodable`). The top-level declarations looked at are those
that start a line (swift-format's layout): `struct`, `enum`, `class`, `actor`, `protocol`,
`typealias` and `extension`. Exceptions, each on purpose:

- `private` and `fileprivate` types: helpers that only their file can use.
- `main.swift`: an executable's entry point, named so by SwiftPM.
- `Fuzzing.swift`: each library's entry for its libFuzzer harness (`Fuzz/`), an `enum Fuzzing`
  extended per module, so each module's file is named after the type it extends.
- A file that holds no type (only functions) is not checked.
- The generated tables and schemas (`BuiltIn/`, `Schemas/`), skipped.
"""
import pathlib, re, sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
SKIPPED = ("Sources/BillcastPricing/BuiltIn/", "Sources/BillcastReport/Schemas/")
DECL = re.compile(
    r'^(?:@[\w.]+(?:\([^)]*\))?\s+)*'
    r'(?P<access>(?:(?:public|package|internal|private|fileprivate|final|indirect|nonisolated)\s+)*)'
    r'(?P<kind>struct|enum|class|actor|protocol|typealias|extension)\s+(?P<name>[A-Za-z_][\w.]*)(?:<[^>]*>)?(?:\s*:\s*(?P<conforms>[\w., &]+))?')


def declarations(path):
    """The top-level declarations of a file: (line, access words, kind, name)."""
    found = []
    for number, line in enumerate(path.read_text().splitlines(), 1):
        match = DECL.match(line)
        if match:
            conforms = [c.strip() for c in re.split(r"[,&]", (match["conforms"] or "").split(" where ")[0])] if match["kind"] == "extension" else []
            found.append((number, match["access"].split(), match["kind"], match["name"], conforms))
    return found


def allowed(stem, name, conforms):
    """Whether a file named `stem` may hold a declaration of `name` (an extension conforming it
    to `conforms`)."""
    subject = stem.split("+")[0]
    return name == subject or name.startswith(subject + ".") or subject in conforms


def main():
    listing = "--list" in sys.argv
    offenders, checked, types = [], 0, 0
    files = sorted((ROOT / "Sources").rglob("*.swift"))
    for path in files:
        relative = path.relative_to(ROOT).as_posix()
        if relative.startswith(SKIPPED) or path.name in ("main.swift", "Fuzzing.swift"):
            continue
        stem = path.name[: -len(".swift")]
        decls = declarations(path)
        checked += 1
        types += sum(1 for _, _, kind, _, _ in decls if kind != "extension")
        if listing:
            print(relative + ": " + ", ".join(f"{kind} {name}" for _, _, kind, name, _ in decls))
        for number, access, kind, name, conforms in decls:
            if "private" in access or "fileprivate" in access or allowed(stem, name, conforms):
                continue
            offenders.append(f"{relative}:{number}: {kind} {name} is not what {path.name} is named after")
    for line in offenders:
        print(line)
    if offenders:
        print(f"{len(offenders)} declarations in files named after something else "
              "(move each to a file named after it, with `git mv` when the file is renamed)")
        return 1
    print(f"check-file-names: {types} types in {checked} files, each in a file named after it or private to its file "
          f"(not checked: main.swift, Fuzzing.swift, {', '.join(s.split('/', 1)[1] for s in SKIPPED)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
