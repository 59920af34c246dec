#!/usr/bin/env bash
# Kills a 400k-row release import with SIGKILL at several moments and checks
# that the database is intact and holds exactly the rows of before or after.
# Run by hand from the repository root: bash benches/kill_import.sh [ROWS]
set -euo pipefail
rows=${1:-400000}
cargo build --release --quiet --bin jobtrack --example generate
jobtrack=$PWD/target/release/jobtrack
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export JOBTRACK_TODAY=2026-11-26
unset JOBTRACK_DB

echo "generating $rows applications …"
./target/release/examples/generate "$rows" "$work/source.db" >/dev/null
"$jobtrack" --db "$work/source.db" export applications > "$work/apps.csv"

# How long a whole import takes, to choose the moments to kill it.
"$jobtrack" --db "$work/timing.db" init >/dev/null
start=$(date +%s.%N)
"$jobtrack" --db "$work/timing.db" import applications "$work/apps.csv" >/dev/null
full=$(echo "$(date +%s.%N) - $start" | bc)
echo "a whole import takes ${full}s"

failures=0
for fraction in 0.05 0.25 0.5 0.75 0.95 0.99; do
  db="$work/kill.db"
  rm -f "$db" "$db-wal" "$db-shm"
  "$jobtrack" --db "$db" app add "Mercy Health" "Coder" >/dev/null
  before=$(sqlite3 "$db" "SELECT count(*) FROM applications")
  "$jobtrack" --db "$db" import applications "$work/apps.csv" >/dev/null 2>&1 &
  pid=$!
  sleep "$(echo "$full * $fraction" | bc)"
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  check=$(sqlite3 "$db" "PRAGMA integrity_check")
  after=$(sqlite3 "$db" "SELECT count(*) FROM applications")
  events=$(sqlite3 "$db" "SELECT count(*) FROM application_events")
  if [[ "$check" != ok ]]; then
    echo "killed at ${fraction}: integrity_check says: $check"; failures=$((failures + 1))
  elif [[ "$after" == "$before" ]]; then
    echo "killed at ${fraction}: intact, $after applications (as before)"
  elif [[ "$after" == $((before + rows)) ]]; then
    echo "killed at ${fraction}: intact, $after applications (the import had committed)"
  else
    echo "killed at ${fraction}: $after applications: neither before ($before) nor after ($((before + rows)))"
    failures=$((failures + 1))
  fi
  if [[ "$events" -ne $((after + 1)) && "$after" == "$before" ]]; then
    echo "  but $events history entries for $after applications"; failures=$((failures + 1))
  fi
done
echo "$failures failure(s)"
[[ $failures -eq 0 ]]
