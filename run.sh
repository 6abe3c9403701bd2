#!/usr/bin/env bash
# Runs the platform. With no ConnectionStrings__Advocacy in the environment it starts a private
# PostgreSQL (scripts/local-postgres.sh); the host migrates every module's schema, loads the demo
# data and serves on $ADVOCACY_URL (default http://127.0.0.1:5080). Safe to run again.
set -euo pipefail
cd "$(dirname "$0")"

if [ -z "${ConnectionStrings__Advocacy:-}" ]; then
  export ConnectionStrings__Advocacy="$(scripts/local-postgres.sh);Database=advocacy"
fi
url="${ADVOCACY_URL:-http://127.0.0.1:5080}"

export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
export Demo__SeedData=true
# Demo users (staff@, manager@, admin@demo.advocacy.local) with this password exist for the LOCAL
# DEMO ONLY. Never set Demo__UserPassword in a deployment.
export Demo__UserPassword="${Demo__UserPassword:-Demo-Advocacy-2026!}"

dotnet build src/Host/Advocacy.Host.csproj -c Release -nologo -v quiet
echo "Advocacy is starting at $url  (API reference: $url/api-reference, health: $url/health/ready)"
echo "Demo sign-in (local demo only): staff@demo.advocacy.local / $Demo__UserPassword"
exec dotnet run --project src/Host/Advocacy.Host.csproj -c Release --no-build --no-launch-profile -- --urls "$url"
