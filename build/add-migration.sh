#!/usr/bin/env bash
# Adds a migration NAME for every database provider (SQLite, PostgreSQL and SQL Server) to
# Hotline.Domain/Persistence/Migrations/<Provider>; name providers after NAME to add it to those only. The generated .cs files are source: review and commit them.
# Uses the design-time startup project build/Hotline.Migrations.Design (see its csproj for why it exists)
# and dotnet-ef from the tool manifest .config/dotnet-tools.json.
set -euo pipefail
[ $# -ge 1 ] || { echo "usage: build/add-migration.sh NAME [Sqlite|PostgreSql|SqlServer...]" >&2; exit 2; }
name=$1
shift
providers=("$@")
[ ${#providers[@]} -gt 0 ] || providers=(Sqlite PostgreSql SqlServer)
cd "$(dirname "$0")/.."
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
dotnet tool restore >/dev/null
dotnet build build/Hotline.Migrations.Design -v q -clp:ErrorsOnly
for provider in "${providers[@]}"; do
  echo "== $provider: $name"
  dotnet ef migrations add "$name" --no-build \
    --project Hotline.Domain --startup-project build/Hotline.Migrations.Design \
    --context "${provider}HotlineDbContext" \
    --output-dir "Persistence/Migrations/$provider"
done
# dotnet ef writes a byte-order mark; the rest of the code base has none.
sed -i '1s/^\xEF\xBB\xBF//' Hotline.Domain/Persistence/Migrations/*/*.cs
