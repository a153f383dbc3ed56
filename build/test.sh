#!/usr/bin/env bash
# Runs every ZohoJira test: unit, integration (SQLite and PostgreSQL), simulator contract and browser tests.
# Installs what the tests need and the machine lacks (Chromium and PostgreSQL from apt, when run as root).
# Prints the totals as "N passed, N failed, N skipped" and exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "Installing ${missing[*]} from apt..."
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null \
      || { echo "error: could not install ${missing[*]} with apt-get" >&2; exit 2; }
  else
    echo "error: the tests need ${missing[*]} (Debian packages)." >&2
    echo "       Install them first: sudo apt-get install -y ${missing[*]}" >&2
    exit 2
  fi
fi
if ! id postgres >/dev/null 2>&1 && [ "$(id -u)" = "0" ]; then
  echo "error: PostgreSQL is installed but the 'postgres' user is missing; reinstall the postgresql package." >&2
  exit 2
fi

dotnet build ZohoJira.sln -nologo -v quiet || { echo "0 passed, 1 failed, 0 skipped"; echo "error: build failed" >&2; exit 1; }

log=$(mktemp)
dotnet test ZohoJira.sln --no-build -nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# Sum the per-assembly summary lines: "Passed!  - Failed:     0, Passed:    23, Skipped:     0, Total: ..."
read -r passed failed skipped < <(sed -n 's/.*Failed: *\([0-9]*\), Passed: *\([0-9]*\), Skipped: *\([0-9]*\),.*/\2 \1 \3/p' "$log" \
  | awk '{p+=$1; f+=$2; s+=$3} END {print p+0, f+0, s+0}')
rm -f "$log"
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1
fi
if [ "$passed" -eq 0 ] && [ "$status" -eq 0 ]; then
  echo "error: no test ran" >&2
  status=1
fi
echo
echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"
