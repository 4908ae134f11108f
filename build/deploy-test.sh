#!/usr/bin/env bash
# The deployment of docs/deploy.md, run for real on 127.0.0.1: a throwaway PostgreSQL, two Release hosts on it and
# Debian's nginx in front (docs/deploy/nginx-hotline.conf, TLS with a self-signed certificate made here). Through
# the proxy over https it signs in, registers a case and reads it back, opens Blazor's WebSocket, and checks from
# nginx's log that both hosts answered. Prints PASS or FAIL last and exits non-zero on failure; everything it
# started is stopped on every exit. Runs as root (apt-get; PostgreSQL runs as the postgres user), like build/test.sh,
# which runs it after `dotnet test`. Uses Hotline.Host/bin/Release/net10.0 (built here if missing).
set -uo pipefail
cd "$(dirname "$0")/.."
REPO=$(pwd)
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
t0=$(date +%s)
step() { echo "== deploy-test [$(( $(date +%s) - t0 ))s] $*"; }
WORK=
fail() {
  echo "deploy-test: $*" >&2
  if [ -n "$WORK" ]; then
    for f in "$WORK"/host1.log "$WORK"/host2.log "$WORK"/nginx-error.log "$WORK"/hotline.access.log; do
      [ -s "$f" ] && { echo "--- last lines of $f" >&2; tail -n 25 "$f" >&2; }
    done
  fi
  echo "FAIL"; exit 1
}
[ "$(id -u)" -eq 0 ] || fail "must run as root (apt-get; PostgreSQL is started as the postgres user)"

need=()
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || need+=(nginx)
command -v openssl >/dev/null 2>&1 || need+=(openssl)
command -v curl >/dev/null 2>&1 || need+=(curl)
[ -x /usr/lib/postgresql/15/bin/postgres ] || need+=(postgresql)
if [ ${#need[@]} -gt 0 ]; then
  step "apt-get install ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  { apt-get update -qq && apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null; } || fail "apt-get install ${need[*]} failed"
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
HOSTDIR="$REPO/Hotline.Host/bin/Release/net10.0"
if [ ! -f "$HOSTDIR/Hotline.Host.dll" ]; then
  step "dotnet build Hotline.Host (Release)"
  dotnet build Hotline.Host -c Release -v q -clp:ErrorsOnly || fail "dotnet build failed"
fi

WORK=$(mktemp -d -t hotline-deploy.XXXXXX) || fail "mktemp failed"
chmod 755 "$WORK"   # PostgreSQL (as postgres) and nginx's workers reach their files in it
PGBIN=/usr/lib/postgresql/15/bin
HOST_PIDS=()
NGINX_PID=
as_postgres() { (cd "$WORK/pg" && runuser -u postgres -- "$@"); }
cleanup() {
  for pid in "${HOST_PIDS[@]}"; do kill "$pid" 2>/dev/null; done
  [ -n "$NGINX_PID" ] && kill "$NGINX_PID" 2>/dev/null
  for pid in "${HOST_PIDS[@]}" $NGINX_PID; do wait "$pid" 2>/dev/null; done
  [ -f "$WORK/pg/data/postmaster.pid" ] && as_postgres "$PGBIN/pg_ctl" -D "$WORK/pg/data" -m fast -w stop >/dev/null 2>&1
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
# A free port from a random start (parallel runs on one machine stay apart).
free_port() { local p=$(( $1 + RANDOM % 2000 )); while port_in_use "$p"; do p=$(( p + 1 )); done; echo "$p"; }

# --- PostgreSQL: a cluster, the hotline role and database (docs/deploy.md, "The database") -----------------
step "initdb"
mkdir -p "$WORK/pg" && chown postgres:postgres "$WORK/pg"
as_postgres "$PGBIN/initdb" -D "$WORK/pg/data" -U postgres --auth=trust -E UTF8 --no-locale >"$WORK/pg/initdb.log" 2>&1 \
  || { cat "$WORK/pg/initdb.log" >&2; fail "initdb failed"; }
PGPORT_=$(free_port 45432)
step "start postgres on 127.0.0.1:$PGPORT_"
as_postgres "$PGBIN/pg_ctl" -D "$WORK/pg/data" -l "$WORK/pg/pg.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -p $PGPORT_ -c unix_socket_directories=$WORK/pg -c fsync=off" start >/dev/null \
  || { cat "$WORK/pg/pg.log" >&2; fail "PostgreSQL did not start"; }
DBPASS=$(openssl rand -hex 16)
psql_admin() { as_postgres psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PGPORT_" -U postgres "$@"; }
psql_admin -d postgres -c "CREATE ROLE hotline LOGIN PASSWORD '$DBPASS'" -c "CREATE DATABASE hotline OWNER hotline ENCODING 'UTF8' TEMPLATE template0" \
  || fail "creating the hotline role and database failed"

# --- the hosts' settings: secrets from the environment (docs/deploy.md, "Settings") ----------------------------
TLS_PORT=$(free_port 48443)
HTTP_PORT=$(free_port 48080)
H1=$(free_port 46080)
H2=$(( H1 + 1 )); while port_in_use "$H2"; do H2=$(( H2 + 1 )); done
ADMIN_PASSWORD=$(openssl rand -hex 16)
API_KEY=$(openssl rand -hex 24)
export ASPNETCORE_ENVIRONMENT=Production
export Hotline__Database__Provider=PostgreSql
export Hotline__Database__ConnectionString="Host=127.0.0.1;Port=$PGPORT_;Database=hotline;Username=hotline;Password=$DBPASS"
export Hotline__Security__BootstrapAdmin__Password="$ADMIN_PASSWORD"
export Hotline__Security__ApiKeys__0__Name=portal Hotline__Security__ApiKeys__0__Key="$API_KEY"
export Hotline__Proxy__KnownProxies__0=127.0.0.1
export Hotline__PublicBaseUrl="https://127.0.0.1:$TLS_PORT"
export Logging__LogLevel__Default=Warning

start_host() { # slot port
  (cd "$HOSTDIR" && ASPNETCORE_URLS="http://127.0.0.1:$2" exec dotnet Hotline.Host.dll >"$WORK/host$1.log" 2>&1) &
  HOST_PIDS+=($!)
}
wait_ready() { # url [seconds]
  local deadline=$(( $(date +%s) + ${2:-60} ))
  until [ "$(curl -s --max-time 5 "$1" 2>/dev/null)" = "Healthy" ]; do
    [ "$(date +%s)" -lt "$deadline" ] || return 1
    sleep 0.5
  done
}
# One host first: it applies migrations and creates the administrator; then the second (docs/deploy.md, "Upgrades").
step "start host 1 on 127.0.0.1:$H1"
start_host 1 "$H1"
wait_ready "http://127.0.0.1:$H1/health/ready" 120 || fail "host 1 did not become ready"
step "start host 2 on 127.0.0.1:$H2"
start_host 2 "$H2"
wait_ready "http://127.0.0.1:$H2/health/ready" 120 || fail "host 2 did not become ready"
[ "$(curl -s "http://127.0.0.1:$H2/health/live")" = "Healthy" ] || fail "/health/live does not answer Healthy"

# --- TLS and nginx --------------------------------------------------------------------------------------------
step "certificate and nginx on 127.0.0.1:$TLS_PORT"
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=hotline.test" \
  -addext "subjectAltName=DNS:hotline.test,IP:127.0.0.1" -keyout "$WORK/tls.key" -out "$WORK/tls.crt" >/dev/null 2>&1 \
  || fail "openssl could not make a certificate"
sed -e "s|@SERVER_NAME@|hotline.test 127.0.0.1|g" -e "s|@LISTEN@|127.0.0.1:$TLS_PORT|g" -e "s|@HTTP_LISTEN@|127.0.0.1:$HTTP_PORT|g" \
    -e "s|@CERT@|$WORK/tls.crt|g" -e "s|@KEY@|$WORK/tls.key|g" -e "s|@HOST1@|127.0.0.1:$H1|g" -e "s|@HOST2@|127.0.0.1:$H2|g" \
    -e "s|@LOG_DIR@|$WORK|g" docs/deploy/nginx-hotline.conf >"$WORK/hotline.conf"
grep -q '@[A-Z0-9_]*@' "$WORK/hotline.conf" && fail "a placeholder of nginx-hotline.conf was not replaced"
mkdir -p "$WORK/nginx-temp"
# Debian's nginx.conf, reduced to what a test needs: its own pid, logs and temporary files, in the foreground.
cat >"$WORK/nginx.conf" <<CONF
user root;
worker_processes 1;
daemon off;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log warn;
events { worker_connections 256; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    client_body_temp_path $WORK/nginx-temp/body;
    proxy_temp_path $WORK/nginx-temp/proxy;
    fastcgi_temp_path $WORK/nginx-temp/fastcgi;
    uwsgi_temp_path $WORK/nginx-temp/uwsgi;
    scgi_temp_path $WORK/nginx-temp/scgi;
    access_log off;
    include $WORK/hotline.conf;
}
CONF
"$NGINX" -t -q -c "$WORK/nginx.conf" -p "$WORK" 2>"$WORK/nginx-error.log" || { cat "$WORK/nginx-error.log" >&2; fail "nginx -t refused the configuration"; }
"$NGINX" -c "$WORK/nginx.conf" -p "$WORK" 2>>"$WORK/nginx-error.log" &
NGINX_PID=$!
BASE="https://127.0.0.1:$TLS_PORT"
CURL=(curl -sS --max-time 20 --cacert "$WORK/tls.crt")
wait_ready_tls() { local d=$(( $(date +%s) + 20 )); until [ "$("${CURL[@]}" "$BASE/health/ready" 2>/dev/null)" = "Healthy" ]; do [ "$(date +%s)" -lt "$d" ] || return 1; sleep 0.3; done; }
wait_ready_tls || fail "nginx does not answer /health/ready over https"

# --- a case through the proxy ---------------------------------------------------------------------------------
step "through the proxy: sign in, load the demo city, register a case, read it back"
json_field() { sed -n "s/.*\"$1\":\"\\([^\"]*\\)\".*/\\1/p"; }
[ "$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' "http://127.0.0.1:$HTTP_PORT/api/cases")" = "301 https://127.0.0.1/api/cases" ] \
  || fail "plain http is not redirected to https"
TOKEN=$("${CURL[@]}" -X POST "$BASE/api/auth/token" -H 'Content-Type: application/json' \
  -d "{\"userName\":\"admin\",\"password\":\"$ADMIN_PASSWORD\"}" | json_field accessToken)
[ -n "$TOKEN" ] || fail "signing in through the proxy failed"
# The demo city's units, subjects and routing rules, uploaded as an administrator would (multipart through nginx).
IMPORTED=$("${CURL[@]}" -X POST "$BASE/api/admin/reference/import?dryRun=false" -H "Authorization: Bearer $TOKEN" \
  -F files=@reference/demo/units.csv -F files=@reference/demo/subjects.csv -F files=@reference/demo/routing.csv)
echo "$IMPORTED" | grep -q '"applied":true' || fail "importing the reference data through the proxy failed: $IMPORTED"
CREATED=$("${CURL[@]}" -X POST "$BASE/api/cases" -H "Authorization: ApiKey $API_KEY" -H 'Idempotency-Key: deploy-test-1' \
  -H 'Content-Type: application/json' \
  -d '{"channel":"Web","type":"Complaint","content":"小区门口占道经营","subjectCode":"SR-ZDJY","districtCode":"990103"}')
NUMBER=$(echo "$CREATED" | json_field number)
[ -n "$NUMBER" ] || fail "registering a case through the proxy failed: $CREATED"
# Read it on both hosts in turn (round robin): whichever host registered it, the other sees it in the shared database.
for _ in 1 2 3 4; do
  READ=$("${CURL[@]}" "$BASE/api/cases/$NUMBER" -H "Authorization: Bearer $TOKEN")
  [ "$(echo "$READ" | json_field number)" = "$NUMBER" ] || fail "reading case $NUMBER back through the proxy failed: $READ"
done
# The retry of the same request (same Idempotency-Key) answers with the same case, whichever host takes it.
AGAIN=$("${CURL[@]}" -X POST "$BASE/api/cases" -H "Authorization: ApiKey $API_KEY" -H 'Idempotency-Key: deploy-test-1' \
  -H 'Content-Type: application/json' \
  -d '{"channel":"Web","type":"Complaint","content":"小区门口占道经营","subjectCode":"SR-ZDJY","districtCode":"990103"}')
[ "$(echo "$AGAIN" | json_field number)" = "$NUMBER" ] || fail "the retried registration did not answer with case $NUMBER: $AGAIN"

step "through the proxy: the host sees https (X-Forwarded-Proto from nginx, Hotline:Proxy:KnownProxies)"
"${CURL[@]}" -o /dev/null -D "$WORK/tls-headers" "$BASE/account/language?culture=zh-CN&returnUrl=/"
grep -qi '^set-cookie:.*; secure' "$WORK/tls-headers" || fail "a cookie set through https is not marked Secure: the host does not see the forwarded scheme"
curl -sS -o /dev/null -D "$WORK/plain-headers" "http://127.0.0.1:$H1/account/language?culture=zh-CN&returnUrl=/"
grep -qi '^set-cookie:.*; secure' "$WORK/plain-headers" && fail "a cookie set over plain http to the host is marked Secure"

step "through the proxy: Blazor's WebSocket upgrade"
NEGOTIATE=$("${CURL[@]}" -X POST "$BASE/_blazor/negotiate?negotiateVersion=1" -H 'Content-Length: 0')
CONN=$(echo "$NEGOTIATE" | json_field connectionToken)
[ -n "$CONN" ] || fail "Blazor's negotiate failed through the proxy: $NEGOTIATE"
UPGRADE=$(curl -sS --http1.1 --max-time 3 --cacert "$WORK/tls.crt" -o /dev/null -w '%{http_code}' \
  -H 'Connection: Upgrade' -H 'Upgrade: websocket' -H 'Sec-WebSocket-Version: 13' -H 'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==' \
  "$BASE/_blazor?id=$CONN" 2>/dev/null)
[ "$UPGRADE" = "101" ] || fail "the WebSocket upgrade through the proxy answered $UPGRADE, not 101"

step "both hosts answered"
for h in "$H1" "$H2"; do
  grep -q "upstream=127.0.0.1:$h " "$WORK/hotline.access.log" || fail "host 127.0.0.1:$h served no request through nginx"
done
grep -q ' 50[0-9] upstream=' "$WORK/hotline.access.log" && fail "nginx logged a 5xx"
step "case $NUMBER registered and read through nginx; both hosts used"
echo "PASS"
