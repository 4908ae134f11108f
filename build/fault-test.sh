#!/usr/bin/env bash
# The fault test, long version: builds the host and the driver in Release, then runs tests/Hotline.FaultTest, which
# starts its own PostgreSQL and three hosts on 127.0.0.1, drives cases and timer workflows at a bounded rate while it
# SIGKILLs hosts and crashes the database, and checks the invariants in the database (README, "Fault test").
#   build/fault-test.sh [--minutes N] [--rate R] [--seed S]     (default 10 minutes at 5 cases/s)
# Exit code 0 when every invariant held, 1 on a violation, other codes when the run itself failed.
# Runs as root like build/test.sh (apt-get; PostgreSQL then runs as the postgres user); as another user it needs
# PostgreSQL 15 installed and runs it as that user.
set -uo pipefail
cd "$(dirname "$0")/.."
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
args=("$@")
[ ${#args[@]} -eq 0 ] && args=(--minutes 10 --rate 5)

if [ ! -x /usr/lib/postgresql/15/bin/postgres ] && [ -z "${HOTLINE_PG_BIN:-}" ]; then
  [ "$(id -u)" -eq 0 ] || { echo "error: PostgreSQL 15 is not installed (apt-get install postgresql, as root)" >&2; exit 2; }
  { DEBIAN_FRONTEND=noninteractive apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >/dev/null; } \
    || { echo "error: apt-get install postgresql failed" >&2; exit 2; }
fi

dotnet build Hotline.Host/Hotline.Host.csproj -c Release -v q -clp:ErrorsOnly || exit 2
dotnet build tests/Hotline.FaultTest/Hotline.FaultTest.csproj -c Release -v q -clp:ErrorsOnly || exit 2

# The driver keeps its cluster and logs here and cleans up itself; should it be killed, this trap kills what it
# started (its session) and stops the cluster.
export HOTLINE_FAULT_WORK
HOTLINE_FAULT_WORK=$(mktemp -d -t hotline-fault.XXXXXX) || exit 2
chmod 755 "$HOTLINE_FAULT_WORK"   # the postgres user must reach the cluster below it
driver=
cleanup() {
  if [ -n "$driver" ] && kill -0 "$driver" 2>/dev/null; then
    kill -TERM "$driver" 2>/dev/null
    for _ in $(seq 30); do kill -0 "$driver" 2>/dev/null || break; sleep 1; done
    kill -KILL -- "-$driver" 2>/dev/null
  fi
  if [ -f "$HOTLINE_FAULT_WORK/pg/data/postmaster.pid" ]; then
    (cd "$HOTLINE_FAULT_WORK" && if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "${HOTLINE_PG_BIN:-/usr/lib/postgresql/15/bin}/pg_ctl" -D pg/data -m immediate -w stop
      else "${HOTLINE_PG_BIN:-/usr/lib/postgresql/15/bin}/pg_ctl" -D pg/data -m immediate -w stop; fi) >/dev/null 2>&1
  fi
  [ -d "$HOTLINE_FAULT_WORK/logs" ] && echo "host logs: $HOTLINE_FAULT_WORK/logs" >&2 || rm -rf "$HOTLINE_FAULT_WORK"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Its own session, so that the trap can kill the driver and every host it started at once.
setsid dotnet tests/Hotline.FaultTest/bin/Release/net10.0/Hotline.FaultTest.dll "${args[@]}" &
driver=$!
wait "$driver"
rc=$?
driver=
exit "$rc"
