#!/usr/bin/env bash
# Builds the audio benchmark in Release and runs it; the Markdown report goes to stdout and bench/out/audio.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet build bench/Audio/BrainBuddy.Audio.Bench.csproj -c Release -warnaserror
mkdir -p bench/out
dotnet artifacts/bin/BrainBuddy.Audio.Bench/release/BrainBuddy.Audio.Bench.dll | tee bench/out/audio.md
