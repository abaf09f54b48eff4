#!/usr/bin/env python3
"""The pull request's names and text, handled as untrusted by action/price.sh.

    untrusted.py inside ROOT PATH  exit 0 when PATH (relative to ROOT, a physical path) names a
                                   regular file in ROOT reached without a symbolic link or `..`
    untrusted.py code TEXT         TEXT as one inline code span
    untrusted.py fence [FILE…]     the files' text (standard input without FILE) as one fenced block

Nothing inside a code span or a fenced block is Markdown or HTML: no link, image, mention or
tag can come out of it, provided the content cannot close it. So the fence is one backtick
longer than the longest run of backticks in the content (at least three for a block), and a
character that is not printable (a newline in a file name, an escape, a bidirectional
override) is shown as its escape, `\\n` or `\\u202e`, so a name stays on its heading's line and
reads as it is stored.
"""
import os
import re
import sys
import unicodedata


def visible(text: str, keep: str = "") -> str:
    """Text with every control or format character outside `keep` written as its escape."""

    def one(c: str) -> str:
        if c in keep or not unicodedata.category(c).startswith("C"):
            return c
        return {"\n": "\\n", "\r": "\\r", "\t": "\\t"}.get(c, f"\\u{ord(c):04x}" if ord(c) > 0xFF else f"\\x{ord(c):02x}")

    return "".join(one(c) for c in text)


def fence_for(text: str, shortest: int) -> str:
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    return "`" * max(shortest, longest + 1)


def code(text: str) -> str:
    text = visible(text)
    fence = fence_for(text, 1)
    # A span's content that starts or ends with a backtick (or a space) needs a space inside the fence.
    pad = " " if text[:1] in ("`", " ") or text[-1:] in ("`", " ") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def fence(text: str) -> str:
    text = visible(text, keep="\n\t")
    if text and not text.endswith("\n"):
        text += "\n"
    marks = fence_for(text, 3)
    return f"{marks}text\n{text}{marks}\n"


def inside(root: str, path: str) -> bool:
    full = os.path.join(root, path)
    real = os.path.realpath(full)
    return real == os.path.normpath(full) and real.startswith(root.rstrip(os.sep) + os.sep) and os.path.isfile(real)


def main() -> int:
    if len(sys.argv) == 4 and sys.argv[1] == "inside":
        return 0 if inside(sys.argv[2], sys.argv[3]) else 1
    if len(sys.argv) == 3 and sys.argv[1] == "code":
        sys.stdout.write(code(sys.argv[2]))
        return 0
    if len(sys.argv) >= 2 and sys.argv[1] == "fence":
        text = ""
        for name in sys.argv[2:]:
            with open(name, encoding="utf-8", errors="replace") as f:
                text += f.read()
        if len(sys.argv) == 2:
            text = sys.stdin.read()
        sys.stdout.write(fence(text))
        return 0
    print(__doc__, file=sys.stderr)
    return 64


if __name__ == "__main__":
    sys.exit(main())
