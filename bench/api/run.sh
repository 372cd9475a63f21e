#!/usr/bin/env bash
# Load test of the API on loopback: a Release build on the embedded store (synchronous=FULL), wrk on the same
# 2 cores. Each scenario runs for DURATION seconds at CONNECTIONS connections; nothing leaves 127.0.0.1.
# Usage: bench/api/run.sh [duration-seconds] [connections]
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION=${1:-10}
CONNECTIONS=${2:-64}
PORT=5080
BASE=http://127.0.0.1:$PORT
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }

dotnet publish src/BrainBuddy.Api -c Release -o artifacts/bench-api --nologo -v quiet >/dev/null
DATA=$(mktemp -d)
trap 'kill $SERVER 2>/dev/null; rm -rf "$DATA"' EXIT
(cd artifacts/bench-api && ASPNETCORE_ENVIRONMENT=Production BRAINBUDDY_DATA_DIR="$DATA" \
  BRAINBUDDY_JWT_KEY=$(head -c 32 /dev/urandom | base64) \
  RateLimits__AuthPermitsPerMinute=100000000 RateLimits__UserWritesPerMinute=100000000 RateLimits__IpWritesPerMinute=100000000 \
  Https__Enforce=false \
  Logging__LogLevel__Default=Warning \
  exec dotnet BrainBuddy.Api.dll --urls "$BASE") >"$DATA/server.log" 2>&1 &
SERVER=$!
for _ in $(seq 1 100); do curl -fs "$BASE/health/ready" >/dev/null && break; sleep 0.2; done

EMAIL="bench-$RANDOM@example.com"
PASSWORD="correct horse battery staple"
curl -fs -X POST -H 'content-type: application/json' -d "{\"email\":\"$EMAIL\",\"password\":\"$PASSWORD\"}" "$BASE/api/v1/auth/register" >/dev/null
TOKEN=$(curl -fs -X POST -H 'content-type: application/json' -d "{\"email\":\"$EMAIL\",\"password\":\"$PASSWORD\"}" "$BASE/api/v1/auth/login" | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
SESSION='{"module_type":"brainwave","brainwave_target":"alpha","generated_content":{"beat_frequency":10,"carrier_frequency":200},"duration_seconds":600,"user_rating":4,"effectiveness_score":0.7}'
# Some history, so the listing and the stats read real rows.
for _ in $(seq 1 20); do
  curl -fs -X POST -H "authorization: Bearer $TOKEN" -H 'content-type: application/json' \
    -d "{\"sessions\":[$(printf "$SESSION,%.0s" $(seq 1 49))$SESSION]}" "$BASE/api/v1/sessions/batch" >/dev/null
done

run() { # name method path body token [connections]
  NAME=$1 METHOD=$2 PATH_AND_QUERY=$3 BODY=$4 TOKEN=$5 \
    wrk -t2 -c"${6:-$CONNECTIONS}" -d"${DURATION}s" --timeout 10s -s bench/api/request.lua "$BASE" | grep '^RESULT'
}

echo "# $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, ${DURATION}s per scenario, $CONNECTIONS connections"
run health_live GET /health/live "" ""
run post_session POST /api/v1/sessions "$SESSION" "$TOKEN"
run list_sessions GET "/api/v1/sessions?limit=20" "" "$TOKEN"
run session_stats GET /api/v1/sessions/stats "" "$TOKEN"
# bcrypt at cost 12 is ~0.25 s of one core per sign-in by design: 4 connections show its rate without a queue.
run login POST /api/v1/auth/login "{\"email\":\"$EMAIL\",\"password\":\"$PASSWORD\"}" "" 4
echo "# stored sessions after the run: $(sqlite3 "$DATA/brainbuddy.db" 'select count(*) from sessions' 2>/dev/null || echo 'n/a (sqlite3 not installed)')"
