#!/usr/bin/env python3
"""jobtrack benchmarks: each command against the sqlite3 CLI doing the same
work in bare SQL on the same file (the floor), at 100k and 1M applications.

Run by hand from the repository root:  python3 benches/run.py [--sizes 100000,1000000] [--runs 11]
Prints a table of medians and ratios, plus peak memory of import and export.
Needs: cargo, sqlite3, /usr/bin/time. Writes only under a temporary folder.
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TARGET = os.environ.get("CARGO_TARGET_DIR") or os.path.join(ROOT, "target")
JOBTRACK = os.path.join(TARGET, "release", "jobtrack")
GENERATE = os.path.join(TARGET, "release", "examples", "generate")
ENV = dict(os.environ, JOBTRACK_TODAY="2026-11-26", NO_COLOR="1")
ENV.pop("JOBTRACK_DB", None)
# The same build without the undo log: writes record no entry, on a copy of
# the database whose undo triggers are dropped (see `without_undo_log`).
NO_UNDO = dict(ENV, JOBTRACK_BENCH_NO_UNDO="1")
ORG = "Organization 0000042"


def run(cmd, stdin=None):
    """Runs a command (or a (command, environment) pair), discarding output;
    returns wall seconds. Fails loudly."""
    env = ENV
    if isinstance(cmd, tuple):
        cmd, env = cmd
    start = time.perf_counter()
    done = subprocess.run(cmd, env=env, stdin=stdin, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{done.stderr.decode()}")
    return elapsed


def peak_kib(cmd):
    """Peak resident memory of a command, from /usr/bin/time -v."""
    done = subprocess.run(["/usr/bin/time", "-v"] + cmd, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    for line in done.stderr.decode().splitlines():
        if "Maximum resident set size" in line:
            return int(line.split(":")[1])
    sys.exit(f"no memory figure for {' '.join(cmd)}")


ONLY = []


def compare(name, ours, floor, runs, setup=None, target=None):
    """Alternates the two commands `runs` times (which goes first alternates
    too); returns a result row (None when --only leaves it out)."""
    if ONLY and not any(word in name for word in ONLY):
        return None
    mine, base = [], []
    for index in range(runs):
        # Every other round runs the floor first, so that neither side
        # always pays for the other's writes still reaching the disk.
        pair = [(mine, ours), (base, floor)]
        for times, command in pair if index % 2 == 0 else reversed(pair):
            if setup:
                setup()
            times.append(run(command()))
    m, b = statistics.median(mine), statistics.median(base)
    return (name, m, b, m / b, target)


def sqlite(db, sql):
    return ["sqlite3", db, sql]


def without_undo_log(db):
    """Drops the undo triggers of `db` (a copy): with NO_UNDO, jobtrack then
    writes as it would without the log."""
    names = subprocess.run(["sqlite3", db, "SELECT name FROM sqlite_schema WHERE type = 'trigger' "
                            "AND name LIKE 'undo%'"], check=True, capture_output=True, text=True).stdout.split()
    subprocess.run(["sqlite3", db, "".join(f'DROP TRIGGER "{n}";' for n in names)], check=True)


# The search row runs on its own database (N applications and 2N history
# notes), at sizes up to this.
SEARCH_MAX = 100000


def search_sql(query, limit):
    """The statement `jobtrack search` runs (`SEARCH_SQL` in src/search.rs,
    read from the source so the floor is the very same query), with its two
    parameters filled in."""
    source = open(os.path.join(ROOT, "src", "search.rs"), encoding="utf-8").read()
    start = source.index('pub const SEARCH_SQL: &str = "') + len('pub const SEARCH_SQL: &str = "')
    sql = source[start:source.index('";', start)]
    return sql.replace("?1", "'" + query.replace("'", "''") + "'").replace("?2", str(limit)) + ";"


def search_row(n, runs, work):
    """`search telehealth` (a word in about 1% of the indexed rows), snippets
    and titles included, against the same FTS5 statement in sqlite3."""
    db = os.path.join(work, f"search{n}.db")
    if not os.path.exists(db):
        print(f"generating {n:,} applications with {2 * n:,} notes …", file=sys.stderr)
        subprocess.run([GENERATE, str(n), db, str(2 * n)], check=True, stdout=subprocess.DEVNULL)
    return compare(
        "search (word in 1% of rows)", lambda: [JOBTRACK, "--db", db, "search", "telehealth"],
        lambda: sqlite(db, search_sql('"telehealth"', 20)), runs, target=2.0)


def bench_size(n, runs, work):
    db = os.path.join(work, f"bench{n}.db")
    if not os.path.exists(db):
        print(f"generating {n:,} applications …", file=sys.stderr)
        subprocess.run([GENERATE, str(n), db], check=True, stdout=subprocess.DEVNULL)
    jt = lambda *args: (lambda: [JOBTRACK, "--db", db, *args])
    rows = []

    rows.append(compare(
        "app add", jt("app", "add", ORG, "Benchmark Analyst", "--source", "indeed"),
        lambda: sqlite(db, "PRAGMA busy_timeout=60000; INSERT INTO applications (org_id, title, status, source, "
                       "applied_on, created_at, updated_at) VALUES (42, 'Benchmark Analyst', 'applied', 'indeed', "
                       "'2026-11-26', '2026-11-26T00:00:00Z', '2026-11-26T00:00:00Z');"),
        runs, target=1.5))

    # The undo log's cost: the same command and build, with and without it.
    plain_db = os.path.join(work, f"bench{n}-no-undo.db")
    if not os.path.exists(plain_db):
        subprocess.run(["sqlite3", db, f"VACUUM INTO '{plain_db}'"], check=True)
        without_undo_log(plain_db)
    rows.append(compare(
        "app add: undo log vs. none", jt("app", "add", ORG, "Benchmark Analyst", "--source", "indeed"),
        lambda: ([JOBTRACK, "--db", plain_db, "app", "add", ORG, "Benchmark Analyst", "--source", "indeed"], NO_UNDO),
        runs, target=1.1))

    org_filter = f"(SELECT id FROM organizations WHERE name = '{ORG}')"
    rows.append(compare(
        "app list --org (selective)", jt("app", "list", "--org", ORG),
        lambda: sqlite(db, "SELECT a.id, o.name, a.title, a.status, a.source, a.applied_on, a.follow_up_on, "
                       "a.stage_since, a.last_activity_on FROM applications a JOIN organizations o ON o.id = a.org_id "
                       f"WHERE a.org_id = {org_filter} ORDER BY a.last_activity_on DESC, a.id DESC LIMIT 51"),
        runs, target=2.0))

    rows.append(compare(
        "app list --status offer --source indeed", jt("--json", "app", "list", "--status", "offer", "--source", "indeed"),
        lambda: sqlite(db, "SELECT a.*, o.name FROM applications a JOIN organizations o ON o.id = a.org_id "
                       "WHERE a.status = 'offer' AND a.source = 'indeed' ORDER BY a.last_activity_on DESC"),
        runs, target=2.0))

    rows.append(compare(
        "report apps", jt("--json", "report", "apps"),
        lambda: sqlite(db, "SELECT status, count(*) FROM applications GROUP BY status; "
                       "SELECT source, count(*), count(responded_on), "
                       "sum(furthest_status IN ('interview','offer','accepted')), "
                       "sum(furthest_status IN ('offer','accepted')) FROM applications WHERE applied_on IS NOT NULL "
                       "GROUP BY source;"),
        runs, target=3.0))

    # The agenda's floor runs the same eight lookups with the same joins and
    # titles, sorted, as one bare query.
    agenda_sql = (
        "SELECT * FROM ("
        "SELECT a.follow_up_on AS d, a.id, 'Follow up: ' || a.title || ' at ' || o.name FROM applications a "
        "JOIN organizations o ON o.id = a.org_id WHERE a.follow_up_on <= '2026-12-10' "
        "UNION ALL SELECT c.follow_up_on, c.id, 'Follow up with ' || c.name FROM contacts c "
        "LEFT JOIN organizations o ON o.id = c.org_id WHERE c.follow_up_on <= '2026-12-10' "
        "UNION ALL SELECT e.date, e.id, 'Interview: ' || a.title || ' at ' || o.name FROM application_events e "
        "JOIN applications a ON a.id = e.application_id JOIN organizations o ON o.id = a.org_id "
        "WHERE e.kind = 'interview' AND e.date BETWEEN '2026-11-26' AND '2026-12-10' "
        "UNION ALL SELECT c.exam_on, c.id, c.code FROM certifications c WHERE c.exam_on BETWEEN '2026-11-26' AND '2026-12-10' "
        "UNION ALL SELECT v.date, v.id, v.title FROM events v WHERE v.date BETWEEN '2026-11-26' AND '2026-12-10' "
        "UNION ALL SELECT m.renews_on, m.id, o.name FROM memberships m JOIN organizations o ON o.id = m.org_id "
        "WHERE m.renews_on <= '2026-12-10' "
        "UNION ALL SELECT date(a.last_activity_on, '+21 days'), a.id, 'Stale: ' || a.title || ' at ' || o.name "
        "FROM applications a JOIN organizations o ON o.id = a.org_id "
        "WHERE a.status IN ('applied','screening','interview') AND a.last_activity_on <= '2026-11-19'"
        ") ORDER BY d < '2026-11-26' DESC, d;"
    )
    rows.append(compare("agenda", jt("--json", "agenda"), lambda: sqlite(db, agenda_sql), runs, target=3.0))

    # The dashboard's floor: this week's three counts, the pipeline, the goals
    # and the next seven days of the agenda.
    dashboard_sql = (
        "SELECT count(*) FROM applications WHERE applied_on BETWEEN '2026-11-23' AND '2026-11-29'; "
        "SELECT count(*) FROM interactions WHERE date BETWEEN '2026-11-23' AND '2026-11-29'; "
        "SELECT total(hours) FROM volunteer_shifts WHERE date BETWEEN '2026-11-23' AND '2026-11-29'; "
        "SELECT status, count(*) FROM applications WHERE status IN ('saved','applied','screening','interview','offer') "
        "GROUP BY status; SELECT * FROM goals; "
        + agenda_sql.replace("2026-12-10", "2026-12-02")
    )
    rows.append(compare("report (dashboard)", jt("--json", "report"), lambda: sqlite(db, dashboard_sql), runs, target=3.0))

    csv_out = os.path.join(work, f"apps{n}.csv")
    slow_runs = max(3, runs // 3)
    rows.append(compare(
        "export applications", lambda: ["sh", "-c", f"'{JOBTRACK}' --db '{db}' export applications > '{csv_out}'"],
        lambda: ["sh", "-c", f"sqlite3 -csv -header '{db}' \"SELECT a.id, o.name AS org, a.title, a.status, a.source, "
                 "a.url, a.location, a.work_mode, a.salary_min, a.salary_max, a.applied_on, a.follow_up_on, "
                 "a.referral_contact_id, a.notes, a.created_at, a.updated_at FROM applications a "
                 f"JOIN organizations o ON o.id = a.org_id ORDER BY a.id\" > '{csv_out}.floor'"],
        slow_runs, target=1.5))
    run(["sh", "-c", f"'{JOBTRACK}' --db '{db}' export applications > '{csv_out}'"])

    target_db = os.path.join(work, "import.db")

    def fresh_target():
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(target_db + suffix):
                os.remove(target_db + suffix)
        run([JOBTRACK, "--db", target_db, "init"])

    header = open(csv_out, encoding="utf-8").readline().strip()
    columns = ", ".join(f'"{c}" TEXT' for c in header.split(","))
    rows.append(compare(
        "import applications", lambda: [JOBTRACK, "--db", target_db, "import", "applications", csv_out],
        lambda: ["sqlite3", target_db, f"CREATE TABLE raw ({columns});", f".import --csv --skip 1 {csv_out} raw"],
        slow_runs, setup=fresh_target, target=2.0))

    plain_target = os.path.join(work, "import-no-undo.db")

    def fresh_targets():
        fresh_target()
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(plain_target + suffix):
                os.remove(plain_target + suffix)
        run([JOBTRACK, "--db", plain_target, "init"])
        without_undo_log(plain_target)

    rows.append(compare(
        "import applications: undo log vs. none", lambda: [JOBTRACK, "--db", target_db, "import", "applications", csv_out],
        lambda: ([JOBTRACK, "--db", plain_target, "import", "applications", csv_out], NO_UNDO),
        slow_runs, setup=fresh_targets, target=1.3))

    import_kib = export_kib = 0
    if not ONLY or "memory" in ONLY:
        fresh_target()
        import_kib = peak_kib([JOBTRACK, "--db", target_db, "import", "applications", csv_out])
        export_kib = peak_kib([JOBTRACK, "--db", db, "export", "applications"])

    if n <= SEARCH_MAX:
        rows.append(search_row(n, runs, work))

    rows.append(compare("--version", lambda: [JOBTRACK, "--version"], lambda: ["sqlite3", "--version"], runs, target=2.0))
    rows.append(compare("--help", lambda: [JOBTRACK, "--help"], lambda: ["sqlite3", "--version"], runs, target=2.0))
    return rows, import_kib, export_kib


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100000,1000000")
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--keep", help="folder to keep generated databases in (reused next time)")
    parser.add_argument("--only", default="", help="comma-separated words: run only the benchmarks named so")
    args = parser.parse_args()
    ONLY.extend(w for w in args.only.split(",") if w)
    for tool in ("sqlite3", "cargo"):
        if not shutil.which(tool):
            sys.exit(f"{tool} is needed")
    subprocess.run(["cargo", "build", "--release", "--quiet", "--bin", "jobtrack", "--example", "generate"],
                   cwd=ROOT, check=True)
    work = args.keep or tempfile.mkdtemp(prefix="jobtrack-bench-")
    os.makedirs(work, exist_ok=True)
    failures = 0
    try:
        for n in [int(s) for s in args.sizes.split(",")]:
            rows, import_kib, export_kib = bench_size(n, args.runs, work)
            print(f"\n{n:,} applications (medians of alternating runs)")
            print(f"{'command':42} {'jobtrack':>10} {'sqlite3':>10} {'ratio':>7} {'target':>7}")
            for name, mine, base, ratio, target in [r for r in rows if r]:
                ok = target is None or ratio <= target
                failures += 0 if ok else 1
                print(f"{name:42} {mine * 1000:8.1f}ms {base * 1000:8.1f}ms {ratio:6.2f}x {target or '':>6}x"
                      f"{'' if ok else '  MISSED'}")
            for label, kib in (("import applications", import_kib), ("export applications", export_kib)):
                if not kib:
                    continue
                ok = kib <= 64 * 1024
                failures += 0 if ok else 1
                print(f"peak memory, {label:29} {kib / 1024:8.1f} MiB (target 64 MiB){'' if ok else '  MISSED'}")
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    print(f"\n{failures} target(s) missed")


if __name__ == "__main__":
    main()
