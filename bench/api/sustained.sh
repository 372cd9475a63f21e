#!/usr/bin/env bash
# Sustained mixed load on loopback: a Release build on the embedded store (synchronous=FULL), 8 users, a mix of reads
# and writes (bench/api/mixed.lua) for DURATION seconds, sampling the server's RSS every 5 s. Stops by itself.
# Usage: bench/api/sustained.sh [duration-seconds] [connections]
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION=${1:-180}
CONNECTIONS=${2:-32}
PORT=5081
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
source bench/api/server.sh

TOKENS=""
HABITS=""
for i in $(seq 1 8); do
  EMAIL="sustained-$i-$RANDOM@example.com"
  PASSWORD="correct horse battery staple"
  curl -fs -X POST -H 'content-type: application/json' -d "{\"email\":\"$EMAIL\",\"password\":\"$PASSWORD\"}" "$BASE/api/v1/auth/register" >/dev/null
  TOKEN=$(curl -fs -X POST -H 'content-type: application/json' -d "{\"email\":\"$EMAIL\",\"password\":\"$PASSWORD\"}" "$BASE/api/v1/auth/login" | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
  HABIT=$(curl -fs -X POST -H "authorization: Bearer $TOKEN" -H 'content-type: application/json' \
    -d '{"habit_type":"positive_routine","trigger":"kettle","routine":"ten minutes of alpha","reward":"calm"}' "$BASE/api/v1/habits" | sed -E 's/.*"id":"([0-9a-f]{24})".*/\1/')
  TOKENS="$TOKENS${TOKENS:+,}$TOKEN"
  HABITS="$HABITS${HABITS:+,}$HABIT"
done

# Every 5 s: "<seconds> <RSS kB> <managed heap kB> <database + WAL kB>"; the heap tells a leak in .NET from native caches.
(start=$(date +%s); while kill -0 $SERVER 2>/dev/null; do
  heap=$(curl -fs --max-time 2 "$BASE/metrics" | awk '/^dotnet_total_memory_bytes/ {printf "%d", $2 / 1024}')
  echo "$(( $(date +%s) - start )) $(awk '/VmRSS/ {print $2}' /proc/$SERVER/status) ${heap:-0} $(du -sk "$DATA" | cut -f1)"; sleep 5; done) >"$DATA/rss.txt" &
SAMPLER=$!
trap 'kill -9 $SERVER 2>/dev/null; kill $SAMPLER 2>/dev/null; rm -rf "$DATA"' EXIT

echo "# $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, ${DURATION}s, $CONNECTIONS connections, load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
TOKENS=$TOKENS HABITS=$HABITS NAME=mixed wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --timeout 10s -s bench/api/mixed.lua "$BASE" | grep '^RESULT'
echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
kill $SAMPLER 2>/dev/null || true
awk -v d="$DURATION" '
  { t[NR] = $1; r[NR] = $2; h[NR] = $3 }
  END {
    for (i = 1; i <= NR; i++) {
      if (t[i] <= 60) { a += r[i]; ha += h[i]; na++ }
      if (t[i] >= d - 60) { b += r[i]; hb += h[i]; nb++ }
      if (r[i] > max) max = r[i] }
    printf "RSS MB: first minute %.0f, last minute %.0f, max %.0f; managed heap MB: first minute %.0f, last minute %.0f (%d samples)\n",
      a / na / 1024, b / nb / 1024, max / 1024, ha / na / 1024, hb / nb / 1024, NR }' "$DATA/rss.txt"
echo "# samples (s, RSS kB, heap kB, data kB):"
awk '{ printf "%s/%s/%s/%s ", $1, $2, $3, $4 } END { print "" }' "$DATA/rss.txt"
curl -fs "$BASE/metrics" | grep -E '^brainbuddy_db_operation_duration_seconds_count\{backend="embedded",collection="sessions",operation="insert"\}' || true
