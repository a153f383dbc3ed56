#!/usr/bin/env bash
# Adds a migration to all three providers' migration sets (SQLite, PostgreSQL, SQL Server):
#   build/add-migration.sh <Name>
# Needs no database: each provider's design-time factory builds its model offline. dotnet-ef is the repository's local
# tool (dotnet-tools.json); Microsoft.EntityFrameworkCore.Design is a normal (private) reference of ZohoJira.Core.
set -euo pipefail
name=${1:?usage: build/add-migration.sh <MigrationName>}
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
# Build once; each provider's step then reuses the output (--no-build).
dotnet build ZohoJira.Core/ZohoJira.Core.csproj -nologo -v quiet
for provider in Sqlite Postgres SqlServer; do
  echo "Adding $name to Persistence/Migrations/$provider"
  dotnet ef migrations add "$name" --no-build --project ZohoJira.Core --startup-project ZohoJira.Core \
    --context "${provider}ZohoJiraDbContext" --output-dir "Persistence/Migrations/$provider" \
    --namespace "ZohoJira.Core.Persistence.Migrations.$provider"
done
echo "Done. Build the solution and run: dotnet test ZohoJira.sln --filter \"FullyQualifiedName~Persistence\""
