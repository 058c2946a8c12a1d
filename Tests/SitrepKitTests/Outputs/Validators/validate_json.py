"""Validates sitrep's JSON outputs against JSON Schemas written from Statuspage's field lists and SPEC.md.

usage: validate_json.py SITE_DIR SCHEMA_DIR
Every api/v2 document is checked against its $defs entry of statuspage-v2.schema.json (the file map is the
schema's "x-documents"); every api/v1/components/*.json against sitrep-v1-component.schema.json.
"""
import glob
import json
import os
import sys

import jsonschema


def main():
    site, schemas = sys.argv[1], sys.argv[2]
    errors = []
    with open(os.path.join(schemas, "statuspage-v2.schema.json"), encoding="utf-8") as handle:
        v2 = json.load(handle)
    with open(os.path.join(schemas, "sitrep-v1-component.schema.json"), encoding="utf-8") as handle:
        v1_component = json.load(handle)
    jsonschema.Draft202012Validator.check_schema(v2)
    jsonschema.Draft202012Validator.check_schema(v1_component)

    checked = 0
    for path, definition in v2["x-documents"].items():
        schema = dict(v2)
        schema["$ref"] = "#/$defs/" + definition
        validator = jsonschema.Draft202012Validator(schema)
        full = os.path.join(site, path)
        if not os.path.exists(full):
            errors.append(f"{path}: missing")
            continue
        with open(full, encoding="utf-8") as handle:
            document = json.load(handle)
        for error in validator.iter_errors(document):
            errors.append(f"{path}: {'/'.join(map(str, error.absolute_path))}: {error.message[:300]}")
        checked += 1

    components = sorted(glob.glob(os.path.join(site, "api/v1/components/*.json")))
    if not components:
        errors.append("no api/v1/components/*.json")
    validator = jsonschema.Draft202012Validator(v1_component)
    for full in components:
        with open(full, encoding="utf-8") as handle:
            document = json.load(handle)
        name = os.path.relpath(full, site)
        for error in validator.iter_errors(document):
            errors.append(f"{name}: {'/'.join(map(str, error.absolute_path))}: {error.message[:300]}")
        if document.get("id") + ".json" != os.path.basename(full):
            errors.append(f"{name}: id does not match the file name")
        checked += 1

    # Every other JSON output must at least parse.
    for full in glob.glob(os.path.join(site, "api/**/*.json"), recursive=True):
        with open(full, encoding="utf-8") as handle:
            json.load(handle)

    for line in errors:
        print(line)
    print(f"checked {checked} documents, {len(errors)} problems")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
