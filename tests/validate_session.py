#!/usr/bin/python3
"""Validates session files against the published JSON Schema, independently
of Director's own code: python3 validate_session.py SCHEMA FILE...

Prints every error with its JSON path; exit code 0 when all files are valid,
1 otherwise, 2 when the validator itself cannot run."""
import json
import sys

try:
    from jsonschema import Draft202012Validator
except ImportError:
    print("python3-jsonschema is not installed", file=sys.stderr)
    sys.exit(2)


class DuplicateMember(ValueError):
    pass


def unique_members(pairs):
    """json.load keeps the last of two equal names; a session file must not have them."""
    seen = {}
    for name, value in pairs:
        if name in seen:
            raise DuplicateMember(f"the member {name!r} appears more than once")
        seen[name] = value
    return seen


def main(argv):
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    with open(argv[1], encoding="utf-8") as f:
        schema = json.load(f)
    Draft202012Validator.check_schema(schema)
    validator = Draft202012Validator(schema)
    invalid = False
    for path in argv[2:]:
        with open(path, encoding="utf-8") as f:
            try:
                document = json.load(f, object_pairs_hook=unique_members)
            except DuplicateMember as error:
                print(f"{path}: {error}")
                invalid = True
                continue
        errors = sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))
        for error in errors:
            where = ".".join(str(p) for p in error.absolute_path) or "(top)"
            print(f"{path}: {where}: {error.message}")
        invalid = invalid or bool(errors)
    return 1 if invalid else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
