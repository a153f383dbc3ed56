#!/usr/bin/env bash
# Benchmarks the sync engine against the in-process simulators and prints a table, then one
# "BENCH <name> <value> <unit>" line per figure. --quick uses smaller counts (well under 10 minutes here).
#   build/bench.sh [--quick]
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet run --project ZohoJira.Bench -c Release -- "$@"
