#!/usr/bin/env python3
"""Fails when a function in model/, views/ or app/ is longer than the limit.

Usage: check_function_length.py SOURCE_DIR [LIMIT]

A function's length is counted from its opening brace to its closing brace, both
included. The sources are clang-formatted (.clang-format: a function's opening
brace stands alone on its line, at the indentation of the function, and so does
its closing brace), which is what this relies on; a class, struct, enum or union
body is recognised by its keyword and not counted. Lambdas count towards the
function that holds them.
"""
import re
import sys
from pathlib import Path

SOURCE_DIRS = ("model", "views", "app")
TYPE_KEYWORDS = re.compile(r"^\s*(template\s*<.*>\s*)?(class|struct|enum|union)\b")


def signature_start(lines, brace):
    """The index of the first line of the declaration that `brace` opens."""
    start = brace
    while start > 0:
        previous = lines[start - 1].strip()
        if (not previous or previous.endswith((";", "{", "}")) or previous.startswith(("//", "#"))
                or previous in ("public:", "private:", "protected:", "signals:")):
            break
        start -= 1
    return start


def functions(path):
    lines = path.read_text(encoding="utf-8").split("\n")
    index = 0
    while index < len(lines):
        opening = re.match(r"^(\s*)\{\s*$", lines[index])
        if opening is None or index == 0:
            index += 1
            continue
        indent = opening.group(1)
        start = signature_start(lines, index)
        declaration = " ".join(line.strip() for line in lines[start:index])
        closing = index + 1
        while closing < len(lines) and not re.match("^" + indent + r"\}", lines[closing]):
            closing += 1
        if TYPE_KEYWORDS.match(declaration) or "=" in declaration.split("(")[0]:
            index += 1  # a type's body (or an initializer): look inside it
            continue
        yield start + 1, declaration[:100], closing - index + 1
        index = closing + 1


def main():
    root = Path(sys.argv[1])
    limit = int(sys.argv[2]) if len(sys.argv) > 2 else 80
    long = []
    for folder in SOURCE_DIRS:
        for path in sorted((root / folder).rglob("*")):
            if path.suffix not in (".cpp", ".h"):
                continue
            for line, declaration, length in functions(path):
                if length > limit:
                    long.append(f"{path.relative_to(root)}:{line}: {length} lines: {declaration}")
    for entry in long:
        print("FAIL: " + entry)
    print(f"{len(long)} function(s) longer than {limit} lines")
    return 1 if long else 0


if __name__ == "__main__":
    sys.exit(main())
