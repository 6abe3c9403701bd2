#!/usr/bin/env bash
# Starts the private PostgreSQL cluster the run and test commands use when no connection string is
# given, and prints its connection string (without a database name). Idempotent: an initialised,
# running cluster is left as it is.
#
# - Debian's `postgresql` package is installed with apt-get when no server binaries are found.
# - The cluster lives in .local/postgres (git-ignored), owned by the `postgres` user when run as root
#   (PostgreSQL refuses to run as root).
# - It listens on 127.0.0.1 only, on port $ADVOCACY_PG_PORT (default 55432) or, when another server
#   holds that port, the next free one; the port is remembered in .local/postgres.port.
# - Its password is generated at initialisation and kept in .local/postgres.password: no credential
#   lives in the repository.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
state="${ADVOCACY_PG_STATE:-$repo/.local}"

log() { printf '[local-postgres] %s\n' "$*" >&2; }

find_bin() {
  local dir
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then echo "$dir"; return 0; fi
  done
  return 1
}

if ! bin="$(find_bin)"; then
  log "PostgreSQL server not found: installing Debian's postgresql package"
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { log "need root (or sudo) to apt-get install postgresql"; exit 1; }
    SUDO=sudo
  else
    SUDO=
  fi
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
  bin="$(find_bin)" || { log "postgresql installed but no server binaries under /usr/lib/postgresql"; exit 1; }
fi

# As root, the server runs as `postgres`; it must be able to reach the state folder.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
mkdir -p "$state"
if [ "$(id -u)" -eq 0 ]; then
  id postgres >/dev/null 2>&1 || { log "no postgres user: is the postgresql package installed?"; exit 1; }
  if ! runuser -u postgres -- test -x "$state"; then
    # A parent folder is closed to other users (e.g. a clone under /root): keep the cluster elsewhere.
    state="/var/tmp/advocacy-postgres-$(printf '%s' "$repo" | md5sum | cut -c1-12)"
    mkdir -p "$state"
    log "the repository is not reachable by the postgres user; cluster kept in $state"
  fi
  chown postgres:postgres "$state"
fi

data="$state/postgres"
password_file="$state/postgres.password"

if [ ! -s "$password_file" ]; then
  umask 077
  head -c 24 /dev/urandom | base64 | tr -d '/+=' > "$password_file"
fi
password="$(cat "$password_file")"

if [ ! -f "$data/PG_VERSION" ]; then
  log "initialising a cluster in $data"
  rm -rf "$data"
  mkdir -p "$data"
  pwfile="$(mktemp)"
  printf '%s\n' "$password" > "$pwfile"
  if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$data" "$pwfile"; fi
  as_owner "$bin/initdb" -D "$data" -U postgres --auth=scram-sha-256 --pwfile="$pwfile" -E UTF8 --locale=C.UTF-8 >&2
  rm -f "$pwfile"
  cat >> "$data/postgresql.conf" <<CONF
# advocacy local cluster
listen_addresses = '127.0.0.1'
unix_socket_directories = ''
max_connections = 300
shared_buffers = 256MB
CONF
fi

port_file="$state/postgres.port"
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

if as_owner "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
  # The fourth line of postmaster.pid is the port the running server listens on.
  port="$(sed -n 4p "$data/postmaster.pid")"
  log "already running on 127.0.0.1:$port"
else
  port="${ADVOCACY_PG_PORT:-$(cat "$port_file" 2>/dev/null || echo 55432)}"
  for _ in $(seq 1 100); do
    port_in_use "$port" || break
    log "port $port is taken by another server; trying $((port + 1))"
    port=$((port + 1))
  done
  echo "$port" > "$port_file"
  log "starting on 127.0.0.1:$port"
  as_owner "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 -o "-p $port" start >&2 \
    || { log "start failed; last lines of $data/server.log:"; tail -n 20 "$data/server.log" >&2; exit 1; }
fi

printf 'Host=127.0.0.1;Port=%s;Username=postgres;Password=%s\n' "$port" "$password"
