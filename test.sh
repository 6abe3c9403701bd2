#!/usr/bin/env bash
# Runs every test: architecture rules, integration tests through the real HTTP pipeline on real
# PostgreSQL and the real bus, and browser tests of the pages (Playwright on headless Chromium; they
# save screenshots under artifacts/screenshots, or $ADVOCACY_SCREENSHOTS), and reliability tests that start the
# host as child processes (killed, stopped, on a private PostgreSQL they restart, on a RabbitMQ broker of their own). With no ConnectionStrings__Advocacy in the environment it starts the
# same private PostgreSQL as run.sh; each test class then gets a database of its own. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")"

# The browser tests drive Debian's Chromium (headless). Install it once, only when it is missing.
if [ -z "${ADVOCACY_CHROMIUM:-}" ] && [ ! -x /usr/bin/chromium ]; then
  echo "Chromium not found: installing Debian's chromium package" >&2
  if [ "$(id -u)" -eq 0 ]; then SUDO=; else SUDO=sudo; fi
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >&2
fi

# The scale-out test starts a RabbitMQ broker of its own from Debian's rabbitmq-server. Install it once, only when
# it is missing; the service the package may start is not used (the test runs its own broker and stops it).
if [ ! -x /usr/lib/rabbitmq/bin/rabbitmq-server ]; then
  echo "RabbitMQ not found: installing Debian's rabbitmq-server package" >&2
  if [ "$(id -u)" -eq 0 ]; then SUDO=; else SUDO=sudo; fi
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq rabbitmq-server >&2
fi

if [ -z "${ConnectionStrings__Advocacy:-}" ]; then
  export ConnectionStrings__Advocacy="$(scripts/local-postgres.sh);Database=postgres"
fi

results="$(mktemp -d)"
status=0
dotnet test Advocacy.sln -c Release --logger "console;verbosity=normal" --results-directory "$results" 2>&1 \
  | tee "$results/output.txt" || status=$?

# One closing line for every test assembly together.
count() { awk -v key="$1" '$1 == key":" && $2 ~ /^[0-9]+$/ {s += $2} END {print s + 0}' "$results/output.txt"; }
passed=$(count Passed)
failed=$(count Failed)
echo "${passed} passed, ${failed} failed"
if [ "$passed" -eq 0 ] && [ "$status" -eq 0 ]; then
  echo "no test ran" >&2
  status=1
fi
exit "$status"
