#!/usr/bin/env bash
# Installs what a fresh Debian machine lacks for Ownersight: the browsers the end-to-end tests and
# `npm start` drive (Debian's own Chromium and Firefox ESR: no browser is ever downloaded), fonts for
# legible screenshots, and Debian's PostgreSQL for the team service's suite (issue 3: it runs against
# PGlite and real PostgreSQL). Run as root (or with sudo). Safe to run again.
set -euo pipefail
if [ "$(id -u)" -ne 0 ]; then
  exec sudo -E bash "$0" "$@"
fi
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v firefox-esr >/dev/null 2>&1 || need+=(firefox-esr)
command -v openssl >/dev/null 2>&1 || need+=(openssl)
dpkg -s fonts-dejavu-core >/dev/null 2>&1 || need+=(fonts-dejavu-core)
dpkg -s postgresql >/dev/null 2>&1 || need+=(postgresql)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing from Debian: ${need[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}"
fi
echo "System packages ready: $(chromium --version 2>/dev/null | head -1); $(firefox-esr --version 2>/dev/null | head -1)"

# PostgreSQL for the server tests (OWNERSIGHT_TEST_DATABASE_URL defaults to this role and database).
# Start every cluster Debian created (one per installed major version, usually just 15/main); in a
# container there is no systemd, so pg_ctlcluster, not `service`.
if ! command -v pg_lsclusters >/dev/null 2>&1; then
  echo "PostgreSQL tools missing after install (pg_lsclusters not found)" >&2
  exit 1
fi
if [ -z "$(pg_lsclusters -h 2>/dev/null)" ]; then
  version="$(ls /usr/lib/postgresql | sort -V | tail -1)"
  pg_createcluster "$version" main
fi
pg_lsclusters -h | while read -r ver cluster _port status _rest; do
  if [ "$status" != "online" ]; then pg_ctlcluster "$ver" "$cluster" start; fi
done
# Wait for the server to accept connections (start returns once the postmaster is up, but be sure).
for _ in $(seq 1 30); do
  if su postgres -c "psql -qAtc 'select 1'" >/dev/null 2>&1; then break; fi
  sleep 1
done
su postgres -c "psql -v ON_ERROR_STOP=1 -qAt" <<'SQL'
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'ownersight') THEN
    CREATE ROLE ownersight LOGIN PASSWORD 'ownersight';
  ELSE
    ALTER ROLE ownersight LOGIN PASSWORD 'ownersight';
  END IF;
END
$$;
SELECT 'CREATE DATABASE ownersight_test OWNER ownersight'
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'ownersight_test')\gexec
SQL
echo "PostgreSQL ready: $(su postgres -c "psql -qAtc 'show server_version'"), database ownersight_test for role ownersight on 127.0.0.1:5432"
