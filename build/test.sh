#!/usr/bin/env bash
# The whole test suite: installs PostgreSQL, Chromium and Node.js/npm from Debian if missing, starts
# a throwaway PostgreSQL on 127.0.0.1 (HOTLINE_TEST_PG), builds the solution in Release (which installs
# Elsa Studio from npm for Hotline.Designer), runs every test project and prints
# "N passed, N failed, N skipped" alone on its last line. Arguments go to `dotnet test`
# (e.g. --filter; keep the default console logger, whose per-assembly lines make that summary).
# build/deploy-test.sh (docs/deploy.md: nginx, two hosts, PostgreSQL) runs after them and counts as one test (not in a
# run with arguments, unless HOTLINE_DEPLOY_TEST=1).
# tests/Hotline.Fault.Tests is the fault test's short version (README, "Fault test"): about 2-3 minutes, its own PostgreSQL
# and three Release hosts; build/fault-test.sh runs the long one.
# Runs as root: apt-get, and PostgreSQL refuses to run as root, so it runs as `postgres`.
set -uo pipefail
cd "$(dirname "$0")/.."
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
t0=$(date +%s)
step() { echo "== [$(( $(date +%s) - t0 ))s] $*"; }
# CI reads the last line, so a run that stops early still ends with a failing summary.
fail() { echo "ERROR: $*" >&2; echo "0 passed, 1 failed, 0 skipped"; exit 1; }

[ "$(id -u)" -eq 0 ] || fail "build/test.sh must run as root (apt-get; PostgreSQL is started as the postgres user)"

# --- system packages (Debian) -------------------------------------------------------------
need=()
[ -x /usr/lib/postgresql/15/bin/postgres ] || need+=(postgresql)
# Debian's Chromium for the designer's browser tests (Playwright drives it; it never downloads a browser).
[ -x /usr/bin/chromium ] || need+=(chromium)
# Node.js and npm: the build installs Elsa Studio (Hotline.Designer) and Apache ECharts (Hotline.Workbench) from npm (npm ci).
# A real SMTP server for the e-mail delivery tests (Debian's aiosmtpd, run with Debian's own Python).
/usr/bin/python3 -c 'import aiosmtpd' >/dev/null 2>&1 || need+=(python3-aiosmtpd)
# A Chinese font, so the browser tests' screenshots show Chinese rather than empty boxes: Debian's WenQuanYi Zen Hei
# (7 MB; fonts-noto-cjk renders too but is 56 MB), unless fontconfig already knows a font for Chinese.
fc-list :lang=zh family 2>/dev/null | grep -q . || need+=(fonts-wqy-zenhei)
command -v node >/dev/null 2>&1 || need+=(nodejs)
command -v npm >/dev/null 2>&1 || need+=(npm)
if [ ${#need[@]} -gt 0 ]; then
  step "apt-get install ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  { apt-get update -qq && apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null; } \
    || fail "apt-get install ${need[*]} failed"
fi

# --- throwaway PostgreSQL on 127.0.0.1 ------------------------------------------------------
PGBIN=/usr/lib/postgresql/15/bin
PGWORK=$(mktemp -d -t hotline-pg.XXXXXX) || fail "mktemp failed"
chown postgres:postgres "$PGWORK"   # mktemp makes it 0700 root; initdb runs as postgres
# cd first: postgres cannot read the caller's working directory.
as_postgres() { (cd "$PGWORK" && runuser -u postgres -- "$@"); }
stop_pg() {
  [ -f "$PGWORK/data/postmaster.pid" ] && as_postgres "$PGBIN/pg_ctl" -D "$PGWORK/data" -m fast -w stop >/dev/null 2>&1
  rm -rf "$PGWORK"
}
trap stop_pg EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

step "initdb"
as_postgres "$PGBIN/initdb" -D "$PGWORK/data" -U postgres --auth=trust -E UTF8 --no-locale >"$PGWORK/initdb.log" 2>&1 \
  || { cat "$PGWORK/initdb.log" >&2; fail "initdb failed"; }

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
# A random start keeps parallel runs on one machine apart; a port taken between the check and
# the bind (another run, a system cluster) is retried on the next one.
port=${PGPORT:-$(( 55432 + RANDOM % 2000 ))}
started=
for _ in 1 2 3 4 5 6 7 8 9 10; do
  while port_in_use "$port"; do port=$(( port + 1 )); done
  step "start postgres on 127.0.0.1:$port"
  rm -f "$PGWORK/pg.log"   # pg_ctl (as postgres) creates it; a root-owned one would not be writable
  if as_postgres "$PGBIN/pg_ctl" -D "$PGWORK/data" -l "$PGWORK/pg.log" -w -t 60 \
       -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$PGWORK -c fsync=off" start >/dev/null; then
    started=1; break
  fi
  grep -q 'Address already in use' "$PGWORK/pg.log" || break
  port=$(( port + 1 ))
done
[ -n "$started" ] || { cat "$PGWORK/pg.log" >&2; fail "PostgreSQL did not start; the PostgreSQL tests need it"; }
export HOTLINE_TEST_PG="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"

# --- build + test -----------------------------------------------------------------------------
step "dotnet restore"
dotnet restore Hotline.sln -v q || fail "dotnet restore failed"
step "dotnet build"
dotnet build Hotline.sln --no-restore -c Release -v q -clp:ErrorsOnly || fail "dotnet build failed"
step "dotnet test"
LOG="$PGWORK/test.log"
# One test project at a time (-m:1): the browser tests and the host tests each load the machine, and timing-sensitive
# tests (start-up sweeps, Studio re-renders) are then less exposed to the other project.
dotnet test Hotline.sln --no-build -c Release -m:1 "$@" 2>&1 | tee "$LOG"
rc=${PIPESTATUS[0]}
step "done (dotnet test rc=$rc)"

# --- the deployment test (docs/deploy.md): nginx + two hosts + PostgreSQL on 127.0.0.1, on the build above; one test in the summary
# A run with arguments (a --filter) skips it unless HOTLINE_DEPLOY_TEST=1; then it is not counted.
deploy_rc=skipped
if [ $# -eq 0 ] || [ "${HOTLINE_DEPLOY_TEST:-}" = 1 ]; then
  step "build/deploy-test.sh"
  build/deploy-test.sh > "$PGWORK/deploy.log" 2>&1
  deploy_rc=$?
  tail -n 40 "$PGWORK/deploy.log"
  [ "$deploy_rc" -eq 0 ] || rc=1
fi

# --- plain summary line: sum VSTest's per-assembly lines
#     "Passed!  - Failed:     0, Passed:    14, Skipped:     0, Total:    14, Duration: 5 s - X.dll (net10.0)"
awk -v deploy_rc="$deploy_rc" '/^(Passed|Failed)! +- Failed: +[0-9]+, Passed: +[0-9]+, Skipped: +[0-9]+/ {
       gsub(/,/, ""); f += $4; p += $6; s += $8; n++ }
     END { if (deploy_rc == "0") p++; else if (deploy_rc != "skipped") f++
           if (n == 0) print "0 passed, 1 failed, 0 skipped"; else print p " passed, " f " failed, " s " skipped" }' "$LOG"
exit "$rc"
