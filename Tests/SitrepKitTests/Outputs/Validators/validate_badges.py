"""Parses every badges/*.svg with Python's XML parser and checks the accessibility and safety rules.

usage: validate_badges.py SITE_DIR EXPECTATIONS_JSON
expectations: {"badges": {"api.svg": "accessible name", ...}}
"""
import glob
import json
import os
import sys
import xml.etree.ElementTree as ET

SVG = "{http://www.w3.org/2000/svg}"


def main():
    site, expectations_path = sys.argv[1], sys.argv[2]
    with open(expectations_path, encoding="utf-8") as handle:
        expected = json.load(handle)["badges"]
    errors = []
    paths = sorted(glob.glob(os.path.join(site, "badges", "*.svg")))
    names = sorted(os.path.basename(path) for path in paths)
    if names != sorted(expected.keys()):
        errors.append(f"badges {names} != expected {sorted(expected.keys())}")
    for path in paths:
        name = os.path.basename(path)
        root = ET.parse(path).getroot()
        if root.tag != SVG + "svg":
            errors.append(f"{name}: root is {root.tag}")
        if root.get("role") != "img":
            errors.append(f"{name}: role is {root.get('role')!r}")
        title = root.find(SVG + "title")
        label = root.get("aria-label")
        if title is None or title.text != label:
            errors.append(f"{name}: <title> does not match aria-label {label!r}")
        if name in expected and label != expected[name]:
            errors.append(f"{name}: aria-label {label!r} != {expected[name]!r}")
        if not int(root.get("width", "0")) > 0:
            errors.append(f"{name}: no width")
        for element in root.iter():
            if element.tag.endswith("script") or element.tag.endswith("image") or element.tag.endswith("foreignObject"):
                errors.append(f"{name}: forbidden element {element.tag}")
            for attribute, value in element.attrib.items():
                if "href" in attribute or (value.startswith("url(") and not value.startswith("url(#")):
                    errors.append(f"{name}: external reference {attribute}={value!r}")
        texts = [text.text for text in root.iter(SVG + "text")]
        if len(texts) != 4 or not all(texts):
            errors.append(f"{name}: expected four text runs, got {texts}")
    for line in errors:
        print(line)
    print(f"{len(paths)} badges, {len(errors)} problems")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
