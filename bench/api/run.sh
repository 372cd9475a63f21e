#!/usr/bin/env bash
# Load test of the API on loopback: a Release build on the embedded store (synchronous=FULL), wrk on the same
# 2 cores. Each scenario runs for DURATION seconds at CONNECTIONS connections; nothing leaves 127.0.0.1.
# Before it is measured, each scenario runs WARMUP seconds (printed as a '# warm-up' line, not a RESULT): the JIT
# compiles and re-compiles the hot paths in tiers, which under full load on two cores takes 10-20 seconds, and the
# goals are about the service as it runs, not its first seconds. WARMUP=0 measures from a cold start.
# The goals are shares of the /health/live baseline, and this shared VM's speed drifts by tens of percent within
# minutes. So the two goal scenarios are measured in ROUNDS alternating slices with the baseline, each slice half the
# duration, and every round prints the share against the baseline slice just before it ('# share' lines).
# Usage: [WARMUP=seconds] bench/api/run.sh [duration-seconds] [connections]
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION=${1:-10}
CONNECTIONS=${2:-64}
WARMUP=${WARMUP:-15}
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
source bench/api/server.sh
SESSION='{"module_type":"brainwave","brainwave_target":"alpha","generated_content":{"beat_frequency":10,"carrier_frequency":200},"duration_seconds":600,"user_rating":4,"effectiveness_score":0.7}'
# The reads go to a second user with a realistic history (1 000 sessions); the writer's table grows during its run.
READER_EMAIL="reader-$RANDOM@example.com"
curl -fs -X POST -H 'content-type: application/json' -d "{\"email\":\"$READER_EMAIL\",\"password\":\"$PASSWORD\"}" "$BASE/api/v1/auth/register" >/dev/null
READER=$(curl -fs -X POST -H 'content-type: application/json' -d "{\"email\":\"$READER_EMAIL\",\"password\":\"$PASSWORD\"}" "$BASE/api/v1/auth/login" | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
for _ in $(seq 1 20); do
  curl -fs -X POST -H "authorization: Bearer $READER" -H 'content-type: application/json' \
    -d "{\"sessions\":[$(printf "$SESSION,%.0s" $(seq 1 49))$SESSION]}" "$BASE/api/v1/sessions/batch" >/dev/null
done

load() { # seconds name method path body token [connections]
  NAME=$2 METHOD=$3 PATH_AND_QUERY=$4 BODY=$5 TOKEN=$6 \
    wrk -t2 -c"${7:-$CONNECTIONS}" -d"$1s" --timeout 10s -s bench/api/request.lua "$BASE" | grep '^RESULT'
}
warm_up() { # name method path body token [connections]
  if [ "$WARMUP" -gt 0 ]; then load "$WARMUP" "$@" | sed 's/^RESULT/# warm-up/'; fi
}
run() { # name method path body token [connections]
  warm_up "$@"
  load "$DURATION" "$@"
}

ROUNDS=${ROUNDS:-3}
against_baseline() { # name method path body token
  warm_up "$@"
  local slice=$(( (DURATION + 1) / 2 )) round baseline scenario
  for round in $(seq 1 "$ROUNDS"); do
    baseline=$(load "$slice" health_live GET /health/live "" "")
    scenario=$(load "$slice" "$@")
    printf '%s\n%s\n' "$baseline" "$scenario"
    echo "$baseline $scenario" | awk -v r="$round" '{printf "# share %s round %d: %.1f %% of %d req/s\n", $10, r, 100 * $11 / $3, $3}'
  done
}

echo "# $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, ${DURATION}s per scenario after ${WARMUP}s of warm-up, $CONNECTIONS connections"
run health_live GET /health/live "" ""
against_baseline post_session POST /api/v1/sessions "$SESSION" "$TOKEN"
against_baseline list_sessions GET "/api/v1/sessions?limit=20" "" "$READER"
run session_stats GET /api/v1/sessions/stats "" "$READER"
# bcrypt at cost 12 is ~0.25 s of one core per sign-in by design: 4 connections show its rate without a queue.
run login POST /api/v1/auth/login "{\"email\":\"$EMAIL\",\"password\":\"$PASSWORD\"}" "" 4
echo "# stored sessions after the run: $(sqlite3 "$DATA/brainbuddy.db" 'select count(*) from sessions' 2>/dev/null || echo 'n/a (sqlite3 not installed)')"
