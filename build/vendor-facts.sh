#!/usr/bin/env bash
# Regenerates ZohoJira.Tests/VendorFacts/ (the extract of the Jira Cloud and Zoho Desk OpenAPI descriptions that the
# simulator conformance tests read) from the full documents in ../shared/reference, when that folder exists.
#   build/vendor-facts.sh           rewrite the extract
#   build/vendor-facts.sh --check   fail if the committed extract differs from what the documents give (CI)
set -euo pipefail
cd "$(dirname "$0")/.."
reference="${VENDOR_REFERENCE:-../shared/reference}"
out=ZohoJira.Tests/VendorFacts

if [ ! -f "$reference/jira-cloud-openapi.json" ] || [ ! -d "$reference/zoho-desk-oas" ]; then
  echo "vendor-facts: no vendor documents at $reference; keeping the committed extract." >&2
  [ "${1:-}" = "--check" ] && exit 0
  exit 1
fi

if [ "${1:-}" = "--check" ]; then
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  dotnet run build/vendor-facts.cs -- "$reference" "$tmp"
  if ! diff -rq "$out" "$tmp" --exclude=README.md >/dev/null; then
    diff -r "$out" "$tmp" --exclude=README.md | head -40 >&2
    echo "error: $out is stale; run build/vendor-facts.sh and commit the result." >&2
    exit 1
  fi
  echo "vendor-facts: the committed extract is current."
else
  dotnet run build/vendor-facts.cs -- "$reference" "$out"
  echo "vendor-facts: wrote $out"
fi
