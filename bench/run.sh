#!/usr/bin/env bash
# Every benchmark of issue 17 in one run, each figure printed as it is measured (and kept in bench/results-<time>.txt):
#   1. the engine: the database's own ceiling (one-row insert transactions), then the in-memory engine and the persisted
#      start-suspend-resume cycle on SQLite and PostgreSQL, with "ratio on …" lines;
#   2. the real lifecycle: complaints through the shipped definitions from intake to closed (SQLite, PostgreSQL);
#   3. scale: generated cases, timelines, tasks, instances, bookmarks and ladder timers, then query percentiles and a
#      timer sweep (SQLite, PostgreSQL);
#   4. HTTP: POST /api/cases, GET /api/inbox, GET /api/cases under concurrency 8, from another process;
#   5. the designer: Elsa Studio in Chromium, first and second visit.
# Usage: bench/run.sh [--full] [--only engine,lifecycle,scale,http,designer]
#   --full   the issue's full sizes: 1,000,000 cases (200,000 open) and 1,000,000 pending timers; 100,000 engine
#            instances. Without it the sizes are small enough for a few minutes per part.
# Runs as root (apt-get; PostgreSQL runs as `postgres`), like build/test.sh. PostgreSQL runs with fsync on, as in
# production; its settings are printed. Nothing else should run on the machine meanwhile: CPU steal and the load
# average are printed before and after.
set -uo pipefail
cd "$(dirname "$0")/.."
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
full=; only=engine,lifecycle,scale,http,designer
while [ $# -gt 0 ]; do
  case "$1" in
    --full) full=1 ;;
    --only) only="$2"; shift ;;
    *) echo "bench/run.sh: unknown argument $1" >&2; exit 2 ;;
  esac
  shift
done
wants() { [[ ",$only," == *",$1,"* ]]; }
RESULTS="bench/results-$(date -u +%Y%m%dT%H%M%SZ).txt"
exec > >(tee "$RESULTS") 2>&1
t0=$(date +%s)
step() { echo "== [$(( $(date +%s) - t0 ))s] $*"; }
[ "$(id -u)" -eq 0 ] || { echo "bench/run.sh must run as root (apt-get; PostgreSQL runs as postgres)" >&2; exit 1; }

need=()
[ -x /usr/lib/postgresql/15/bin/postgres ] || need+=(postgresql)
wants designer && { [ -x /usr/bin/chromium ] || need+=(chromium); }
command -v npm >/dev/null 2>&1 || need+=(nodejs npm)
if [ ${#need[@]} -gt 0 ]; then
  step "apt-get install ${need[*]}"
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null; } \
    || { echo "apt-get install ${need[*]} failed" >&2; exit 1; }
fi

steal() { awk '/^cpu /{ s=0; for (i=2;i<=NF;i++) s+=$i; printf "%s %s", $9, s }' /proc/stat; }
read -r steal0 total0 <<<"$(steal)"
step "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"

# --- a throwaway PostgreSQL on 127.0.0.1, fsync on ---------------------------------------------
PGBIN=/usr/lib/postgresql/15/bin
PGWORK=$(mktemp -d -t hotline-bench-pg.XXXXXX)
chown postgres:postgres "$PGWORK"
as_postgres() { (cd "$PGWORK" && runuser -u postgres -- "$@"); }
stop_pg() { [ -f "$PGWORK/data/postmaster.pid" ] && as_postgres "$PGBIN/pg_ctl" -D "$PGWORK/data" -m fast -w stop >/dev/null 2>&1; rm -rf "$PGWORK"; }
trap stop_pg EXIT
as_postgres "$PGBIN/initdb" -D "$PGWORK/data" -U postgres --auth=trust -E UTF8 --no-locale >"$PGWORK/initdb.log" 2>&1 \
  || { cat "$PGWORK/initdb.log"; exit 1; }
port=$(( 58432 + RANDOM % 1000 ))
while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$(( port + 1 )); done
as_postgres "$PGBIN/pg_ctl" -D "$PGWORK/data" -l "$PGWORK/pg.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$PGWORK -c max_connections=200 -c shared_buffers=256MB" start >/dev/null \
  || { cat "$PGWORK/pg.log"; exit 1; }
PG="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
step "PostgreSQL 15 on 127.0.0.1:$port: $(as_postgres "$PGBIN/psql" -h 127.0.0.1 -p "$port" -U postgres -Atc "select string_agg(name || '=' || setting, ', ') from pg_settings where name in ('fsync','synchronous_commit','shared_buffers','wal_level')" 2>/dev/null || echo 'settings unreadable')"

step "dotnet build (Release)"
dotnet build Hotline.Host -c Release -v q -clp:ErrorsOnly >/dev/null || { echo "building the host failed"; exit 1; }
dotnet build bench/Hotline.Bench -c Release -v q -clp:ErrorsOnly >/dev/null || { echo "building the benchmark failed"; exit 1; }
BENCH=(dotnet bench/Hotline.Bench/bin/Release/net10.0/Hotline.Bench.dll)
rc=0
run() { step "$*"; "${BENCH[@]}" "$@" || { echo "FAILED: $*"; rc=1; }; }

if wants engine; then
  if [ -n "$full" ]; then run --iterations 100000 --persisted-iterations 10000 --pg "$PG"; else run --iterations 40000 --persisted-iterations 4000 --pg "$PG"; fi
fi
if wants lifecycle; then
  if [ -n "$full" ]; then run --lifecycle --cases 1000 --pg "$PG"; else run --lifecycle --cases 300 --pg "$PG"; fi
fi
if wants scale; then
  # The full million is ~33 GB on PostgreSQL and a few hours of loading on 2 cores; 20,000 cases by default.
  if [ -n "$full" ]; then run --scale --full --pg "$PG"; else run --scale --cases 20000 --pg "$PG"; fi
fi
if wants http; then
  # Intake grows the database through the API (tens of cases per second): 5,000 cases by default, the issue's 20,000 with --full.
  if [ -n "$full" ]; then size=(--cases 20000 --requests 2000); else size=(--cases 5000 --requests 1000); fi
  run --http "${size[@]}"
  run --http "${size[@]}" --pg "$PG"
fi
if wants designer; then
  run --designer
fi

read -r steal1 total1 <<<"$(steal)"
step "done; CPU steal during the run: $(awk -v s=$((steal1 - steal0)) -v t=$((total1 - total0)) 'BEGIN { printf "%.2f %%", t ? 100 * s / t : 0 }'); load average $(cut -d' ' -f1-3 /proc/loadavg); results in $RESULTS"
exit "$rc"
