#!/usr/bin/env bash
# Runs the Hotline host on its embedded SQLite database. Arguments go to the host.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
export ASPNETCORE_URLS="${ASPNETCORE_URLS:-http://127.0.0.1:5080}"
# The build installs front-end packages with npm: Elsa Studio (Hotline.Designer) and Apache ECharts (Hotline.Workbench).
if { [ ! -d Hotline.Designer/node_modules ] || [ ! -d Hotline.Workbench/node_modules ]; } && ! command -v npm >/dev/null 2>&1; then
  echo "build/run.sh: npm is missing (the build installs Elsa Studio and Apache ECharts with it): apt-get install -y nodejs npm" >&2
  exit 1
fi
# --no-launch-profile: a launchSettings.json would otherwise override ASPNETCORE_URLS.
exec dotnet run --project Hotline.Host -c Release --no-launch-profile -- "$@"
