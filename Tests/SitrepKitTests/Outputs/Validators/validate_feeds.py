"""Parses sitrep's feeds with feedparser and checks them against the expectations the Swift test wrote.

usage: validate_feeds.py SITE_DIR EXPECTATIONS_JSON
expectations: {"history": [item links, newest first], "components": {id: [item links]}, "site_url": "...",
               "titles": {item link: exact plain-text title}}
"""
import json
import os
import sys

import feedparser


def check_feed(path, expected_links, site_url, errors, want_version, titles):
    feed = feedparser.parse(path)
    name = os.path.basename(os.path.dirname(path)) + "/" + os.path.basename(path)
    if feed.bozo:
        errors.append(f"{name}: not well-formed: {feed.bozo_exception!r}")
    if feed.version != want_version:
        errors.append(f"{name}: version {feed.version!r}, expected {want_version!r}")
    links = [entry.get("link") for entry in feed.entries]
    ids = [entry.get("id") for entry in feed.entries]
    if links != expected_links:
        errors.append(f"{name}: links {links} != expected {expected_links}")
    if ids != expected_links:
        errors.append(f"{name}: ids {ids} are not the stable page URLs {expected_links}")
    for entry in feed.entries:
        for key in ("title", "link", "id", "summary"):
            if not entry.get(key):
                errors.append(f"{name}: entry {entry.get('id')} lacks {key}")
        if not str(entry.get("link", "")).startswith(site_url + "/"):
            errors.append(f"{name}: link {entry.get('link')} is not absolute under {site_url}")
        if entry.get("updated_parsed") is None and entry.get("published_parsed") is None:
            errors.append(f"{name}: entry {entry.get('id')} has no parsable date")
        # Titles are plain text: the parser must see text (not HTML) and get the exact title back.
        if entry.get("title_detail", {}).get("type") != "text/plain":
            errors.append(f"{name}: title of {entry.get('id')} is {entry.get('title_detail', {}).get('type')}, not text")
        expected_title = titles.get(entry.get("id"))
        if expected_title is not None and entry.get("title") != expected_title:
            errors.append(f"{name}: title {entry.get('title')!r} != {expected_title!r}")
        # The timeline is HTML content; once the reader decodes it, no script element may appear.
        content = entry.get("content", [{}])[0].get("value") if entry.get("content") else entry.get("summary", "")
        if "<script" in content.lower():
            errors.append(f"{name}: content of {entry.get('id')} carries a script element")
    if not feed.feed.get("title"):
        errors.append(f"{name}: no feed title")
    self_links = [link.get("href") for link in feed.feed.get("links", []) if link.get("rel") == "self"]
    if len(self_links) != 1 or not self_links[0].startswith(site_url + "/"):
        errors.append(f"{name}: self link {self_links}")
    return len(feed.entries)


def main():
    site, expectations_path = sys.argv[1], sys.argv[2]
    with open(expectations_path, encoding="utf-8") as handle:
        expectations = json.load(handle)
    site_url = expectations["site_url"]
    titles = expectations["titles"]
    errors = []
    count = check_feed(os.path.join(site, "history.rss"), expectations["history"], site_url, errors, "rss20", titles)
    check_feed(os.path.join(site, "history.atom"), expectations["history"], site_url, errors, "atom10", titles)
    for component, links in expectations["components"].items():
        check_feed(os.path.join(site, "components", component + ".rss"), links, site_url, errors, "rss20", titles)
    # The item dates are the latest update's date, newest feeds first is by start; just check atom's 'updated'.
    atom = feedparser.parse(os.path.join(site, "history.atom"))
    if atom.feed.get("updated_parsed") is None:
        errors.append("history.atom: no feed-level updated")
    for line in errors:
        print(line)
    print(f"history feed has {count} items, {len(errors)} problems")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
