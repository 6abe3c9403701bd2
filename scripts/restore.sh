#!/usr/bin/env bash
# Restores a backup made by scripts/backup.sh into the database ConnectionStrings__Advocacy names
# (else the local demo's), which must not exist yet or be empty: restoring over live data is refused,
# so a mistyped name cannot destroy a database. Stop the platform first; start it again afterwards
# (it applies any newer migrations at start).
#
#   scripts/restore.sh FILE
set -euo pipefail
source "$(dirname "$0")/pg-connection.sh"
pg_connection

file="${1:?usage: scripts/restore.sh FILE}"
[ -s "$file" ] || { echo "No backup at $file." >&2; exit 1; }
target="$PGDATABASE"
psql_admin() { PGDATABASE=postgres "$(pg_tool psql)" -v ON_ERROR_STOP=1 -qtA "$@"; }

exists="$(psql_admin -c "SELECT 1 FROM pg_database WHERE datname = '${target//\'/\'\'}'")"
if [ -z "$exists" ]; then
  psql_admin -c "CREATE DATABASE \"${target//\"/\"\"}\""
else
  tables="$("$(pg_tool psql)" -v ON_ERROR_STOP=1 -qtA -c \
    "SELECT count(*) FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')")"
  if [ "$tables" != "0" ]; then
    echo "Database $target already holds $tables tables: restore into a new database (set Database=… in ConnectionStrings__Advocacy)." >&2
    exit 1
  fi
fi
"$(pg_tool pg_restore)" --no-owner --no-privileges --exit-on-error --single-transaction --dbname="$target" "$file"
echo "Restored $file into $target"
