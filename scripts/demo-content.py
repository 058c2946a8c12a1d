#!/usr/bin/env python3
"""Writes the sample site's content, dated relative to now, so `make run` always shows a recent past.

    demo-content.py [CONTENT_DIR] [--now ISO8601]

CONTENT_DIR defaults to `content`. It writes (and on every run replaces) exactly these files, which
.gitignore lists, and touches nothing else:

    incidents/sample-api-error-rates.md     a major incident six days ago, resolved, with a postmortem
    incidents/sample-slow-database.md       a minor incident three weeks ago, resolved
    maintenance/sample-database-upgrade.md  a maintenance window five days ahead, announced yesterday

Times are written in UTC (`...Z`); --now pins the clock (for reproducible output). Standard library only.
"""

import argparse
import os
import sys
from datetime import datetime, timedelta, timezone


def stamp(moment):
    return moment.strftime("%Y-%m-%dT%H:%M:00Z")


def day_at(now, days, hour, minute):
    """The UTC time hour:minute on the day `days` from now's day (negative: in the past)."""
    day = (now + timedelta(days=days)).replace(hour=hour, minute=minute, second=0, microsecond=0)
    return stamp(day)


def api_incident(now):
    at = lambda hour, minute: day_at(now, -6, hour, minute)
    return f"""---
title: Elevated API error rates
impact: major
components: {{api: partial_outage, auth: degraded_performance}}
root_cause: Connection pool exhaustion after a deploy raised the per-request pool size.
updates:
  - at: {at(11, 2)}
    status: resolved
    message: Error rates have been back to normal for 30 minutes. This incident is resolved.
  - at: {at(10, 5)}
    status: monitoring
    message: The rollback is complete and error rates are dropping. We are monitoring.
  - at: {at(9, 40)}
    status: identified
    eta: {at(10, 30)}
    message: |
      A bad deploy exhausted the **connection pool** of the API servers. We are rolling back.
  - at: {at(9, 15)}
    status: investigating
    message: We are seeing elevated 5xx rates on the API and are investigating.
---
## Postmortem

| Time (UTC) | Event |
|---|---|
| 09:02 | Deploy rolled out |
| 09:11 | 5xx rate above 2 % alert fired |
| 09:58 | Rollback finished |

What we are changing:

- [x] Pool size is now validated in CI
- [ ] Canary deploys for the API tier
"""


def database_incident(now):
    at = lambda hour, minute: day_at(now, -21, hour, minute)
    return f"""---
title: Slow responses from the primary database
impact: minor
components: [database]
root_cause: A long-running migration competed with queries for disk I/O.
updates:
  - at: {at(10, 45)}
    status: resolved
    message: The migration has finished and query times are back to normal.
  - at: {at(8, 20)}
    status: identified
    message: A long-running migration is competing for I/O. Queries are slower than usual but succeed.
  - at: {at(7, 55)}
    status: investigating
    message: Some requests take longer than usual. We are looking into it.
---
"""


def database_upgrade(now):
    return f"""---
title: Database upgrade to PostgreSQL 17
components: [database, api]
scheduled_for: {day_at(now, 5, 2, 0)}
scheduled_until: {day_at(now, 5, 3, 30)}
updates:
  - at: {day_at(now, -1, 14, 0)}
    status: scheduled
    message: We will upgrade the primary database. The API will be read-only for up to 20 minutes.
---
The primary database moves to PostgreSQL 17. The API will be read-only for up to 20 minutes during the window.
"""


FILES = {
    os.path.join("incidents", "sample-api-error-rates.md"): api_incident,
    os.path.join("incidents", "sample-slow-database.md"): database_incident,
    os.path.join("maintenance", "sample-database-upgrade.md"): database_upgrade,
}


def main():
    parser = argparse.ArgumentParser(description="Write the sample content dated relative to now.")
    parser.add_argument("content", nargs="?", default="content")
    parser.add_argument("--now", help="ISO 8601 time to date the content from (default: the clock)")
    arguments = parser.parse_args()
    now = datetime.now(timezone.utc)
    if arguments.now:
        now = datetime.fromisoformat(arguments.now.replace("Z", "+00:00")).astimezone(timezone.utc)
    for name, text in FILES.items():
        path = os.path.join(arguments.content, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        if os.path.islink(path):
            sys.exit(f"demo-content: {path} is a symbolic link; left unchanged")
        with open(path, "w", encoding="utf-8") as file:
            file.write(text(now))
    return 0


if __name__ == "__main__":
    sys.exit(main())
