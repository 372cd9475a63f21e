#!/usr/bin/env bash
# Fault run: a Release build of the service on 127.0.0.1 with a temp data directory, SIGKILLed three times while
# 16 clients write sessions; afterwards every acknowledged session must be stored. Bounded: at most about 2 minutes.
# Usage: bench/faults/run.sh [port]
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet publish src/BrainBuddy.Api -c Release -o artifacts/bench-faults/api --nologo -v quiet >/dev/null
dotnet build bench/faults -c Release --nologo -v quiet >/dev/null
echo "# $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
timeout 150 dotnet artifacts/bin/BrainBuddy.Bench.Faults/release/BrainBuddy.Bench.Faults.dll artifacts/bench-faults/api/BrainBuddy.Api.dll "${1:-5090}"
