"""Parses maintenance.ics with the icalendar library and checks it against the Swift test's expectations.

usage: validate_calendar.py SITE_DIR EXPECTATIONS_JSON
expectations: {"uids": [...], "cancelled_uids": [...], "dtstamp": "YYYYMMDDTHHMMSSZ", "site_url": "..."}
"""
import json
import os
import sys

import icalendar


def main():
    site, expectations_path = sys.argv[1], sys.argv[2]
    with open(expectations_path, encoding="utf-8") as handle:
        expected = json.load(handle)["calendar"]
    with open(os.path.join(site, "maintenance.ics"), "rb") as handle:
        raw = handle.read()
    errors = []
    lines = raw.split(b"\r\n")
    if lines[-1] != b"":
        errors.append("file does not end with CRLF")
    for number, line in enumerate(lines[:-1], start=1):
        if b"\n" in line or b"\r" in line:
            errors.append(f"line {number}: bare LF or CR")
        if len(line) > 75:
            errors.append(f"line {number}: {len(line)} octets")
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            errors.append(f"line {number}: folding split a UTF-8 sequence")

    calendar = icalendar.Calendar.from_ical(raw)
    for key in ("PRODID", "VERSION", "CALSCALE", "X-WR-CALNAME"):
        if key not in calendar:
            errors.append(f"VCALENDAR lacks {key}")
    if str(calendar.get("VERSION")) != "2.0":
        errors.append("VERSION is not 2.0")
    events = calendar.walk("VEVENT")
    uids = [str(event.get("UID")) for event in events]
    if uids != expected["uids"]:
        errors.append(f"UIDs {uids} != expected {expected['uids']}")
    cancelled = [str(event.get("UID")) for event in events if str(event.get("STATUS")) == "CANCELLED"]
    if cancelled != expected["cancelled_uids"]:
        errors.append(f"cancelled {cancelled} != expected {expected['cancelled_uids']}")
    for event in events:
        uid = str(event.get("UID"))
        for key in ("DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "DESCRIPTION", "URL", "STATUS"):
            if key not in event:
                errors.append(f"{uid}: lacks {key}")
        stamp = event.decoded("DTSTAMP")
        if stamp.strftime("%Y%m%dT%H%M%SZ") != expected["dtstamp"] or stamp.utcoffset() is None or stamp.utcoffset().total_seconds() != 0:
            errors.append(f"{uid}: DTSTAMP {stamp!r} != {expected['dtstamp']}")
        start, end = event.decoded("DTSTART"), event.decoded("DTEND")
        if start.utcoffset() is None or start.utcoffset().total_seconds() != 0 or end < start:
            errors.append(f"{uid}: DTSTART/DTEND not a UTC window: {start!r} {end!r}")
        if not str(event.get("URL")).startswith(expected["site_url"] + "/maintenance/"):
            errors.append(f"{uid}: URL {event.get('URL')}")
        if "<" in str(event.get("SUMMARY")) or "<" in str(event.get("DESCRIPTION")):
            errors.append(f"{uid}: markup in SUMMARY or DESCRIPTION")
    summaries = {str(event.get("UID")): str(event.get("SUMMARY")) for event in events}
    for uid, text in expected.get("summaries", {}).items():
        if summaries.get(uid) != text:
            errors.append(f"{uid}: SUMMARY {summaries.get(uid)!r} != {text!r} (TEXT escaping round trip)")
    descriptions = {str(event.get("UID")): str(event.get("DESCRIPTION")) for event in events}
    for uid, text in expected.get("descriptions_contain", {}).items():
        if text not in descriptions.get(uid, ""):
            errors.append(f"{uid}: DESCRIPTION {descriptions.get(uid)!r} lacks {text!r}")
    for line in errors:
        print(line)
    print(f"{len(events)} events, {len(errors)} problems")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
