#!/usr/bin/env bash
# Makes a PostgreSQL server reachable for the database tests and exports the connection string
# Backstage's TestDatabases reads. Uses one that is configured already, else starts Debian's.
if [ -z "${BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING:-}" ]; then
  PGVER=$(ls /usr/lib/postgresql | sort -n | tail -1)
  if ! pg_lsclusters -h 2>/dev/null | grep -q "^$PGVER main"; then
    pg_createcluster "$PGVER" main >/dev/null
  fi
  pg_ctlcluster "$PGVER" main start 2>/dev/null || true
  for _ in $(seq 1 30); do
    su postgres -c "psql -h 127.0.0.1 -qAtc 'select 1' >/dev/null 2>&1 || psql -qAtc 'select 1'" >/dev/null 2>&1 && break
    sleep 1
  done
  su postgres -c "psql -qc \"ALTER USER postgres PASSWORD 'postgres'\"" >/dev/null
  PGPORT=$(pg_lsclusters -h | awk -v v="$PGVER" '$1==v && $2=="main" {print $3}')
  export BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING="postgresql://postgres:postgres@127.0.0.1:${PGPORT}"
fi
echo "PostgreSQL: ${BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING//:postgres@/:***@}"
