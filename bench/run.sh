#!/usr/bin/env bash
# The benchmark of issue 8 (docs/performance.md): seeds a fresh database with 1,000,000 activities
# across 50 projects, starts the real host (Release build, its own process, Kestrel on a loopback
# port), measures activity writes, dashboards, donor exports and the event-held flow against raw
# PostgreSQL, prints the table and writes artifacts/bench/results.json. Not part of ./test.sh.
#
#   bench/run.sh [--activities N] [--clients 32] [--write-seconds 20] [--dashboard-samples 40] [--events 100] [--keep-database]
#
# With no ConnectionStrings__Advocacy it uses the private PostgreSQL of run.sh (scripts/local-postgres.sh);
# otherwise that server, where it creates (and at the end drops) a database advocacy_bench_<time>.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${ConnectionStrings__Advocacy:-}" ]; then
  server="$(scripts/local-postgres.sh)"
else
  server="$ConnectionStrings__Advocacy"
fi

dotnet build src/Host/Advocacy.Host.csproj -c Release -nologo -v quiet
dotnet build bench/Advocacy.Bench/Advocacy.Bench.csproj -c Release -nologo -v quiet
exec dotnet bench/Advocacy.Bench/bin/Release/net10.0/Advocacy.Bench.dll \
  --server "$server" --host-dll src/Host/bin/Release/net10.0/Advocacy.Host.dll --out artifacts/bench "$@"
