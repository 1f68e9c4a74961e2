#!/usr/bin/env bash
# Throughput of GET /api/contacts/{id} at 32 connections (wrk), as a share of a Helidon SE hello-world on the same box
# in the same run: a standalone instance directly, and an in-process instance through the control plane's front door.
# Each server runs alone while it is measured (5 s warm-up, then the measured run).
# Run: ./mvnw -q package -DskipTests && bench/throughput.sh [seconds]     (needs wrk: apt-get install wrk; python3 for JSON)
#      JAR=/path/to/other/litedesk.jar bench/throughput.sh                  (another build, for a before/after)
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-15}
jar=${JAR:-app-helidon/target/litedesk.jar}
java=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
command -v wrk >/dev/null || { echo "wrk is missing (apt-get install wrk)" >&2; exit 1; }
data=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$data"; }
trap cleanup EXIT
json() { python3 -c "import sys,json;print(json.load(sys.stdin)$1)"; }
await() { until curl -sf "$1" >/dev/null; do sleep 0.2; done; }
stop() { kill "$1"; wait "$1" 2>/dev/null || true; }
measure() { # name, extra wrk args..., url
  local name=$1; shift
  wrk -t2 -c32 -d5s "$@" >/dev/null
  local rate
  rate=$(wrk -t2 -c32 -d"${secs}s" --latency "$@" | tee "$data/$name.wrk" | awk '/Requests\/sec/ {print $2}')
  if grep -q "Non-2xx" "$data/$name.wrk"; then echo "$name: some answers were not 2xx:" >&2; grep -E "Non-2xx|requests in" "$data/$name.wrk" >&2; fi
  local p99
  p99=$(awk '/ 99%/ {print $2}' "$data/$name.wrk")
  echo "$name $rate $p99"
}

# 1. the hello-world
"$java" -cp "bench/target/classes:bench/target/libs/*" com.litedesk.bench.HelloWorld 18301 >"$data/hello.log" 2>&1 & hello=$!; pids+=("$hello")
await "localhost:18301/hello"
read -r _ hello_rate hello_p99 < <(measure hello "http://127.0.0.1:18301/hello")
stop "$hello"

# 2. a standalone instance with a few contacts
env LITEDESK_PORT=18302 LITEDESK_DATA_DIR="$data/instance" LITEDESK_OWNER_EMAIL=owner@bench.test LITEDESK_OWNER_PASSWORD=bench-password-123 \
  LITEDESK_RATE_LIMIT_PER_MINUTE=0 "$java" -jar "$jar" instance >"$data/instance.log" 2>&1 & instance=$!; pids+=("$instance")
await "localhost:18302/health"
token=$(curl -s localhost:18302/api/auth/login -H 'Content-Type: application/json' \
  -d '{"email":"owner@bench.test","password":"bench-password-123"}' | json "['accessToken']")
for i in $(seq 1 20); do
  id=$(curl -s localhost:18302/api/contacts -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d "{\"firstName\":\"Ada\",\"lastName\":\"Lovelace$i\",\"emails\":[\"ada$i@example.com\"]}" | json "['id']")
done
read -r _ direct_rate direct_p99 < <(measure direct -H "Authorization: Bearer $token" "http://127.0.0.1:18302/api/contacts/$id")
stop "$instance"

# 3. the control plane with one in-process instance, reached by its host name through the front door
env LITEDESK_PORT=18303 LITEDESK_DATA_DIR="$data/platform" LITEDESK_ADMIN_EMAIL=admin@bench.test LITEDESK_ADMIN_PASSWORD=correct-horse-battery \
  LITEDESK_PUBLIC_PORT=18303 LITEDESK_RATE_LIMIT_PER_MINUTE=0 "$java" -jar "$jar" >"$data/platform.log" 2>&1 & platform=$!; pids+=("$platform")
await "localhost:18303/health"
admin=$(curl -s localhost:18303/api/admin/auth/login -H 'Content-Type: application/json' \
  -d '{"email":"admin@bench.test","password":"correct-horse-battery"}' | json "['accessToken']")
curl -s localhost:18303/api/public/demo-requests -H 'Content-Type: application/json' \
  -d '{"companyName":"Bench","contactName":"Owner","email":"owner@bench.test","subdomain":"bench"}' >/dev/null
request=$(curl -s -G localhost:18303/api/admin/demo-requests --data-urlencode 'filter=email[eq]:"owner@bench.test"' \
  -H "Authorization: Bearer $admin" | json "['items'][0]['id']")
curl -s -X POST "localhost:18303/api/admin/demo-requests/$request/convert" -H "Authorization: Bearer $admin" >/dev/null
until [ "$(curl -s "localhost:18303/api/admin/instances/$request" -H "Authorization: Bearer $admin" | json "['state']")" = READY ]; do sleep 0.2; done
# the enterprise plan: no requests-per-minute limit to measure against (a trial allows 120 a minute)
curl -sf -X PUT "localhost:18303/api/admin/instances/$request/plan" -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' \
  -d '{"planId":"enterprise"}' >/dev/null
link=$(curl -s "localhost:18303/api/admin/outbox" -H "Authorization: Bearer $admin" | json "['items'][0]['text']" | grep -o 'token=[A-Za-z0-9_-]*' | head -1)
host="Host: bench.localhost:18303"
curl -s localhost:18303/api/auth/set-password -H "$host" -H 'Content-Type: application/json' \
  -d "{\"token\":\"${link#token=}\",\"password\":\"bench-password-123\"}" >/dev/null
token=$(curl -s localhost:18303/api/auth/login -H "$host" -H 'Content-Type: application/json' \
  -d '{"email":"owner@bench.test","password":"bench-password-123"}' | json "['accessToken']")
id=$(curl -s localhost:18303/api/contacts -H "$host" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  -d '{"firstName":"Ada","lastName":"Lovelace","emails":["ada@example.com"]}' | json "['id']")
read -r _ door_rate door_p99 < <(measure front-door -H "$host" -H "Authorization: Bearer $token" "http://127.0.0.1:18303/api/contacts/$id")
stop "$platform"

python3 - "$hello_rate" "$direct_rate" "$door_rate" "$hello_p99" "$direct_p99" "$door_p99" <<'PY'
import sys
hello, direct, door = map(float, sys.argv[1:4])
p = sys.argv[4:7]
print("| server (wrk, 32 connections, %s) | req/s | p99 | share |" % "2 threads")
print("|---|---|---|---|")
print("| Helidon SE hello-world | %.0f | %s | 100 %% |" % (hello, p[0]))
print("| standalone instance, GET /api/contacts/{id} | %.0f | %s | %.1f %% of hello-world |" % (direct, p[1], 100 * direct / hello))
print("| front door → in-process instance, same GET | %.0f | %s | %.1f %% of hello-world, %.0f %% of direct |" % (door, p[2], 100 * door / hello, 100 * door / direct))
PY
