#!/usr/bin/env bash
# Convert → READY: starts the control plane from the packaged jar on a fresh data directory, converts N demo
# requests one after another and prints how long each took to be READY, with p50/p95; then the memory of the
# instances (in-process: the control plane's RSS; docker: app + database containers of one idle instance,
# from the engine's stats), and deletes them.
# Run: ./mvnw -q package -DskipTests && bench/convert-to-ready.sh [N]
#      docker: eval "$(scripts/docker-engine-up)" && scripts/docker-base-image && docker/build-images && RUNTIME=docker bench/convert-to-ready.sh 5
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-5}
runtime=${RUNTIME:-in-process}
image=${LITEDESK_IMAGE:-litedesk/litedesk:local}
port=18095
data=$(mktemp -d)
java=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
LITEDESK_PORT=$port LITEDESK_DATA_DIR=$data LITEDESK_ADMIN_EMAIL=admin@bench.test LITEDESK_ADMIN_PASSWORD=correct-horse-battery \
  LITEDESK_PUBLIC_PORT=8080 LITEDESK_RUNTIME=$runtime LITEDESK_DOCKER_IMAGE=$image LITEDESK_DOCKER_DB_IMAGE=${LITEDESK_DB_IMAGE:-} \
  "$java" -jar app-helidon/target/litedesk.jar >"$data/log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; rm -rf "$data"' EXIT
until curl -sf "localhost:$port/health" >/dev/null; do sleep 0.2; done
json() { python3 -c "import sys,json;print(json.load(sys.stdin)$1)"; }
token=$(curl -s "localhost:$port/api/admin/auth/login" -H 'Content-Type: application/json' \
  -d '{"email":"admin@bench.test","password":"correct-horse-battery"}' | json "['accessToken']")
auth="Authorization: Bearer $token"
ids=(); times=()
for i in $(seq 1 "$n"); do
  curl -s "localhost:$port/api/public/demo-requests" -H 'Content-Type: application/json' -H "X-Forwarded-For: 10.0.0.$i" \
    -d "{\"companyName\":\"Tenant $i\",\"contactName\":\"Owner\",\"email\":\"owner$i@bench.test\",\"subdomain\":\"bench$i-$RANDOM\"}" >/dev/null
  id=$(curl -s -G "localhost:$port/api/admin/demo-requests" --data-urlencode "filter=email[eq]:\"owner$i@bench.test\"" -H "$auth" \
    | json "['items'][0]['id']")
  start=$(date +%s%N)
  curl -s -X POST "localhost:$port/api/admin/demo-requests/$id/convert" -H "$auth" >/dev/null
  until [ "$(curl -s "localhost:$port/api/admin/instances/$id" -H "$auth" | json "['state']")" = READY ]; do sleep 0.05; done
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  echo "instance $i: convert → READY in $ms ms"
  ids+=("$id"); times+=("$ms")
done
printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {p50=a[int((NR+1)/2)]; i95=int(0.95*NR+0.999); if (i95<1) i95=1; print "p50 " p50 " ms, p95 " a[i95] " ms over " NR " conversions"}'
if [ "$runtime" = docker ]; then
  sleep 20   # idle
  docker stats --no-stream --format '{{.Name}} {{.MemUsage}}' $(docker ps --format '{{.Names}}' --filter "label=litedesk.instance=${ids[0]}") \
    | tee /dev/stderr | awk '{v=$2; u=v; gsub(/[0-9.]/,"",u); gsub(/[A-Za-z]/,"",v); m=(u=="GiB")?v*1024:(u=="KiB")?v/1024:v; t+=m} END {printf "one idle instance (its containers): %.0f MiB\n", t}'
else
  echo "control plane with $n instances: RSS $(( $(ps -o rss= -p $pid) / 1024 )) MiB"
fi
for id in "${ids[@]}"; do curl -s -X DELETE "localhost:$port/api/admin/instances/$id" -H "$auth" >/dev/null; done
for id in "${ids[@]}"; do
  until [ "$(curl -s "localhost:$port/api/admin/instances/$id" -H "$auth" | json "['state']")" = DELETED ]; do sleep 0.2; done
done
