#!/usr/bin/env bash
# Makes sure a local PostgreSQL server is running with a role and database for the store tests,
# then prints its connection URL (and nothing else) on stdout; progress goes to stderr.
#
#   export TEST_DATABASE_URL="$(bash scripts/ensure-postgres.sh)"
#
# Idempotent: installs Debian's `postgresql` package only when the server binaries are missing,
# creates the cluster only when it does not exist, starts it only when it is down, and
# (re)creates the role and database only when needed. Meant for CI and development machines
# (run as root, or as a user who may `sudo -n`); never point it at a production server.
set -euo pipefail

PG_VERSION="${PG_VERSION:-15}"
PG_CLUSTER="${PG_CLUSTER:-main}"
DB_NAME="${ROUTEWISE_TEST_DB:-routewise_test}"
DB_USER="${ROUTEWISE_TEST_USER:-routewise_test}"
DB_PASSWORD="${ROUTEWISE_TEST_PASSWORD:-routewise_test}"

log() { printf 'ensure-postgres: %s\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo -n "$@"; fi
}

as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    sudo -n -u postgres "$@"
  fi
}

case "$DB_NAME$DB_USER" in
  *[!a-z0-9_]*) log "database and role names must be [a-z0-9_]"; exit 2 ;;
esac
case "$DB_PASSWORD" in
  *[!A-Za-z0-9_.-]*) log "the password must be [A-Za-z0-9_.-]"; exit 2 ;;
esac

# 1. Server binaries.
if [ ! -x "/usr/lib/postgresql/$PG_VERSION/bin/postgres" ] || ! command -v pg_ctlcluster >/dev/null 2>&1; then
  log "installing PostgreSQL (apt-get)"
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get update >&2
  as_root apt-get install -y postgresql >&2
fi
if [ ! -x "/usr/lib/postgresql/$PG_VERSION/bin/postgres" ]; then
  log "PostgreSQL $PG_VERSION server binaries not found after install; set PG_VERSION to the installed major"
  exit 1
fi

# 2. Cluster: create when missing, start when down.
if ! pg_lsclusters --no-header 2>/dev/null | awk -v v="$PG_VERSION" -v c="$PG_CLUSTER" '$1 == v && $2 == c { found = 1 } END { exit !found }'; then
  log "creating cluster $PG_VERSION/$PG_CLUSTER"
  as_root pg_createcluster "$PG_VERSION" "$PG_CLUSTER" >&2
fi
status="$(pg_lsclusters --no-header | awk -v v="$PG_VERSION" -v c="$PG_CLUSTER" '$1 == v && $2 == c { print $4 }')"
if [ "$status" != "online" ]; then
  log "starting cluster $PG_VERSION/$PG_CLUSTER"
  as_root pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" start >&2
fi
PORT="$(pg_lsclusters --no-header | awk -v v="$PG_VERSION" -v c="$PG_CLUSTER" '$1 == v && $2 == c { print $3 }')"

for _ in $(seq 1 60); do
  if pg_isready -q -h 127.0.0.1 -p "$PORT"; then break; fi
  sleep 0.5
done
if ! pg_isready -q -h 127.0.0.1 -p "$PORT"; then
  log "the server on port $PORT did not become ready"
  exit 1
fi

# 3. Role and database for the tests.
as_postgres psql -X -q -v ON_ERROR_STOP=1 -p "$PORT" -d postgres >&2 <<SQL
DO \$\$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$DB_USER') THEN
    CREATE ROLE $DB_USER LOGIN PASSWORD '$DB_PASSWORD';
  ELSE
    ALTER ROLE $DB_USER LOGIN PASSWORD '$DB_PASSWORD';
  END IF;
END
\$\$;
SELECT 'CREATE DATABASE $DB_NAME OWNER $DB_USER'
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$DB_NAME') \gexec
SQL

URL="postgres://$DB_USER:$DB_PASSWORD@127.0.0.1:$PORT/$DB_NAME"
if ! PGPASSWORD="$DB_PASSWORD" psql -X -q -h 127.0.0.1 -p "$PORT" -U "$DB_USER" -d "$DB_NAME" -c 'SELECT 1' >/dev/null; then
  log "cannot log in as $DB_USER over TCP (check pg_hba.conf)"
  exit 1
fi
log "ready: PostgreSQL $PG_VERSION/$PG_CLUSTER on port $PORT, database $DB_NAME"
printf '%s\n' "$URL"
