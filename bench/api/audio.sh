#!/usr/bin/env bash
# The audio endpoint over loopback against sox writing the same file, in one run. The standard work: 10 minutes,
# 44.1 kHz, stereo, 16-bit, carrier 200 Hz, beat 10 Hz, level 0.5, 5 s fades. Usage: bench/api/audio.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${1:-5}
command -v sox >/dev/null || { apt-get update -qq && apt-get install -y -qq sox; }
source bench/api/server.sh
URL="$BASE/api/v1/audio/binaural?target=alpha&carrier=200&beat=10&duration=600&sample_rate=44100&volume=0.5&fade=5"
OUT=$(mktemp -d)

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

curl -fs -o /dev/null -H "authorization: Bearer $TOKEN" "$URL" # warm-up
http=$(for _ in $(seq 1 "$RUNS"); do curl -fs -o /dev/null -w '%{time_total}\n' -H "authorization: Bearer $TOKEN" "$URL"; done | median)
first_byte=$(for _ in $(seq 1 "$RUNS"); do curl -fs -o /dev/null -w '%{time_starttransfer}\n' -H "authorization: Bearer $TOKEN" "$URL"; done | median)
seek=$(for _ in $(seq 1 "$RUNS"); do curl -fs -o /dev/null -w '%{time_total}\n' -r 90000000-90065535 -H "authorization: Bearer $TOKEN" "$URL"; done | median)
size=$(curl -fs -H "authorization: Bearer $TOKEN" "$URL" -o "$OUT/ours.wav" -w '%{size_download}')
sox_time=$(for _ in $(seq 1 "$RUNS"); do /usr/bin/time -f '%e' sox -D -n -r 44100 -c 2 -b 16 -e signed-integer "$OUT/sox.wav" synth 600 sine 200 sine 210 vol 0.5 fade t 5 600 5 2>&1 >/dev/null | tail -1; done | median)
rss=$(ps -o rss= -p "$SERVER" | awk '{ printf "%.0f", $1 / 1024 }')
rm -rf "$OUT"

echo "# $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), median of $RUNS"
echo "http_full_s $http"
echo "http_first_byte_s $first_byte"
echo "http_range_64k_at_90MB_s $seek"
echo "bytes $size"
echo "sox_s $sox_time"
echo "speedup $(awk -v a="$sox_time" -v b="$http" 'BEGIN { printf "%.1f", a / b }')"
echo "server_rss_mib $rss"
