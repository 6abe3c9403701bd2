#!/usr/bin/env bash
# Sourced by backup.sh and restore.sh: turns the Npgsql connection string the platform uses
# (ConnectionStrings__Advocacy, "Host=…;Port=…;Username=…;Password=…;Database=…") into the PG*
# variables pg_dump, pg_restore and psql read, so the password never appears on a command line.
# With no connection string, it starts the private cluster of run.sh and uses its `advocacy` database.

pg_connection() {
  local connection="${ConnectionStrings__Advocacy:-}"
  if [ -z "$connection" ]; then
    connection="$("$(dirname "${BASH_SOURCE[0]}")/local-postgres.sh");Database=advocacy"
  fi
  local part key value
  IFS=';' read -r -a parts <<<"$connection"
  for part in "${parts[@]}"; do
    [ -z "$part" ] && continue
    key="$(printf '%s' "${part%%=*}" | tr '[:upper:]' '[:lower:]' | tr -d ' ')"
    value="${part#*=}"
    case "$key" in
      host|server) export PGHOST="$value" ;;
      port) export PGPORT="$value" ;;
      username|user|userid|"user id") export PGUSER="$value" ;;
      password) export PGPASSWORD="$value" ;;
      database|db) export PGDATABASE="$value" ;;
    esac
  done
  [ -n "${PGDATABASE:-}" ] || { echo "The connection string names no database (Database=…)." >&2; return 1; }
}

# The client tools of the newest PostgreSQL installed (the server's own major version or later).
pg_tool() {
  local dir
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$dir/$1" ]; then echo "$dir/$1"; return 0; fi
  done
  command -v "$1" || { echo "$1 not found: install Debian's postgresql-client package." >&2; return 1; }
}
