#!/usr/bin/env bash
# Adds a migration to both providers' migration sets: build/add-migration.sh <Name>
# dotnet-ef is a local tool (dotnet tool restore); the design-time assembly comes in through ZohoJiraEfDesign=true.
set -euo pipefail
name=${1:?usage: build/add-migration.sh <MigrationName>}
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
export ZohoJiraEfDesign=true
for provider in Sqlite Postgres; do
  dotnet ef migrations add "$name" --project ZohoJira.Core --startup-project ZohoJira.Core \
    --context "${provider}ZohoJiraDbContext" --output-dir "Persistence/Migrations/$provider"
done
unset ZohoJiraEfDesign
# Leave the normal (non-design) restore in place for the next build.
dotnet restore ZohoJira.sln >/dev/null
