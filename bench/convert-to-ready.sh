#!/usr/bin/env bash
# Convert → READY with the default in-process runtime: starts the control plane from the packaged jar on a
# fresh data directory, converts N demo requests one after another and prints how long each took to be READY,
# then the control plane's resident memory with those N instances running.
# Run: ./mvnw -q package -DskipTests && bench/convert-to-ready.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-5}
port=18095
data=$(mktemp -d)
java=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
LITEDESK_PORT=$port LITEDESK_DATA_DIR=$data LITEDESK_ADMIN_EMAIL=admin@bench.test LITEDESK_ADMIN_PASSWORD=correct-horse-battery \
  LITEDESK_PUBLIC_PORT=8080 "$java" -jar app-helidon/target/litedesk.jar >"$data/log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; rm -rf "$data"' EXIT
until curl -sf "localhost:$port/health" >/dev/null; do sleep 0.2; done
json() { python3 -c "import sys,json;print(json.load(sys.stdin)$1)"; }
token=$(curl -s "localhost:$port/api/admin/auth/login" -H 'Content-Type: application/json' \
  -d '{"email":"admin@bench.test","password":"correct-horse-battery"}' | json "['accessToken']")
for i in $(seq 1 "$n"); do
  id=$(curl -s "localhost:$port/api/public/demo-requests" -H 'Content-Type: application/json' -H "X-Forwarded-For: 10.0.0.$i" \
    -d "{\"companyName\":\"Tenant $i\",\"contactName\":\"Owner\",\"email\":\"owner$i@bench.test\",\"subdomain\":\"tenant$i\"}" | json "['id']")
  start=$(date +%s%N)
  curl -s -X POST "localhost:$port/api/admin/demo-requests/$id/convert" -H "Authorization: Bearer $token" >/dev/null
  until [ "$(curl -s "localhost:$port/api/admin/instances/$id" -H "Authorization: Bearer $token" | json "['state']")" = READY ]; do sleep 0.05; done
  echo "tenant$i: convert → READY in $(( ($(date +%s%N) - start) / 1000000 )) ms"
done
echo "control plane with $n instances: RSS $(( $(ps -o rss= -p $pid) / 1024 )) MiB"
