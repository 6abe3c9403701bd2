#!/usr/bin/env bash
# Backs up the platform's whole database (every module's schema, users, outboxes and inboxes) to one
# file in pg_dump's custom format, consistent as of one instant, while the platform keeps running.
#
#   scripts/backup.sh [FILE]    default: backups/advocacy-YYYYMMDD-HHMMSS.dump
#
# The database is the one ConnectionStrings__Advocacy names, else the local demo's. Restore with
# scripts/restore.sh. Keep backups off this machine: they hold personal data (docs/deployment.md).
set -euo pipefail
source "$(dirname "$0")/pg-connection.sh"
pg_connection

file="${1:-backups/advocacy-$(date -u +%Y%m%d-%H%M%S).dump}"
mkdir -p "$(dirname "$file")"
# Written beside the target first, so a failed dump never leaves a file that looks complete.
"$(pg_tool pg_dump)" --format=custom --no-owner --no-privileges --file="$file.partial" "$PGDATABASE"
mv "$file.partial" "$file"
echo "Backed up $PGDATABASE to $file ($(du -h "$file" | cut -f1))"
