#!/usr/bin/env python3
"""Checks billcast's JSON Schemas (docs/schemas/) with an independent implementation (jsonschema).

    scripts/check-schemas.py

- each schema is valid draft 2020-12;
- every example profile, every pricing file (pricing/ and the frozen test catalog
  Tests/Fixtures/pricing/) and every golden JSON report validates;
- a misspelt key in each of them does not.
YAML is read as editors read it (YAML 1.2 core: dates stay strings), as VS Code's YAML extension does.
"""
import json
import pathlib
import re
import sys

import jsonschema
import yaml

ROOT = pathlib.Path(__file__).resolve().parent.parent


class CoreLoader(yaml.SafeLoader):
    """YAML 1.2 core scalars: no timestamps, no sexagesimal or 1.1 booleans like 'yes'."""


CoreLoader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag not in ("tag:yaml.org,2002:timestamp",)]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.copy().items()
}
# YAML 1.2: only true/false are booleans (billcast reads 'yes' as a word, e.g. provisioned: yes).
CoreLoader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
for first in "yYnNoO":
    CoreLoader.yaml_implicit_resolvers[first] = [(t, r) for t, r in CoreLoader.yaml_implicit_resolvers.get(first, []) if t != "tag:yaml.org,2002:bool"]


def load_yaml(path):
    return yaml.load(path.read_text(encoding="utf-8"), Loader=CoreLoader)


def validator(name):
    schema = json.loads((ROOT / "docs" / "schemas" / f"{name}.schema.json").read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def misspell(document):
    """The document with its first mapping key misspelt ('x' appended), at the top level."""
    copy = dict(document)
    key = next(iter(copy))
    copy[key + "x"] = copy.pop(key)
    return copy


def load_report(path):
    if path.is_dir():
        return json.loads("".join(p.read_text() for p in sorted(path.glob("*.part"))))
    return json.loads(path.read_text())


def main():
    problems = []
    checked = 0
    cases = [
        ("profile", sorted((ROOT / "examples").glob("*.yaml")), load_yaml),
        # A service's resources.yaml and fixtures.yaml are not pricing files (docs/resource-definitions.md).
        ("pricing", sorted(p for p in (ROOT / "pricing").rglob("*.yaml")
                           if p.name not in ("resources.yaml", "fixtures.yaml")), load_yaml),
        # The frozen test catalog the tests price against (docs/testing.md).
        ("pricing", sorted((ROOT / "Tests" / "Fixtures" / "pricing").rglob("*.yaml")), load_yaml),
        # A golden JSON report is a folder of slices (Tests/BillcastTestSupport/GoldenSlices.swift): joined in name order.
        ("report", sorted((ROOT / "Tests" / "BillcastCLITests" / "Golden").rglob("*.json"))
         + sorted((ROOT / "Tests" / "BillcastCLITests" / "Golden").rglob("*.json.parts")), load_report),
    ]
    for name, files, load in cases:
        v = validator(name)
        for path in files:
            document = load(path)
            errors = sorted(v.iter_errors(document), key=lambda e: list(e.absolute_path))
            for e in errors[:5]:
                problems.append(f"{path.relative_to(ROOT)}: {'/'.join(map(str, e.absolute_path))}: {e.message[:200]}")
            if v.is_valid(misspell(document)):
                problems.append(f"{path.relative_to(ROOT)}: a misspelt top-level key still validates")
            checked += 1
    for p in problems:
        print(p, file=sys.stderr)
    print(f"check-schemas: {checked} files against 3 schemas: {'all valid, and misspelt keys rejected' if not problems else f'{len(problems)} problems'}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
