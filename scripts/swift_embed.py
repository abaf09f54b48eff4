"""What scripts/embed-pricing.py and scripts/embed-schemas.py share: text as a Swift literal,
and writing a generated file or checking that it is up to date."""
import pathlib
import sys


def literal(text: str) -> str:
    """A Swift raw multi-line string literal holding `text` exactly."""
    hashes = "#"
    while ('"""' + hashes) in text or ("\\" + hashes) in text:
        hashes += "#"
    # A multi-line literal drops the line break before its closing delimiter: add one back.
    return f'{hashes}"""\n{text}\n"""{hashes}'


def write_or_check(output: pathlib.Path, text: str, root: pathlib.Path, name: str, source: str) -> None:
    """With --check, exit 1 unless `output` holds `text`; otherwise write it."""
    relative = output.relative_to(root)
    if "--check" in sys.argv[1:]:
        if not output.exists() or output.read_text(encoding="utf-8") != text:
            sys.exit(f"{name}: {relative} does not match {source}; run scripts/{name}.py and commit the result")
        print(f"{name}: {relative} matches {source}")
        return
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(text, encoding="utf-8")
    print(f"{name}: wrote {relative}")
