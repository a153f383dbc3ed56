#!/usr/bin/env bash
# Retakes the README's pictures (docs/images/*.png): runs the Chromium first-run test with ZOHOJIRA_SCREENSHOTS
# pointing at docs/images, so the pictures always show the product as it is. The normal test run writes nothing.
#   build/screenshots.sh
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build ZohoJira.sln -v q
ZOHOJIRA_SCREENSHOTS="$PWD/docs/images" dotnet test ZohoJira.Tests --no-build \
  --filter "FullyQualifiedName~ZohoJira.Tests.Browser.SandboxConsoleBrowserTests"
ls -1 docs/images/*.png
