# Start a throw-away PostgreSQL on 127.0.0.1 for the test suite (sourced by .ci/run).
# Installs Debian's postgresql when it is missing; exports PATRON_TEST_PG.

PG_PORT="${PG_PORT:-55432}"

_pg_bin() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

start_postgres() {
  if [ -z "$(_pg_bin)" ]; then
    echo "installing Debian's postgresql" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq postgresql >/dev/null
  fi
  local bin
  bin="$(_pg_bin)"
  PG_DATA="$(mktemp -d /tmp/patron-pg.XXXXXX)"
  export PG_DATA
  chown postgres:postgres "$PG_DATA"
  local run=(runuser -u postgres --)
  if [ "$(id -u)" != 0 ]; then run=(); fi
  "${run[@]}" "$bin/initdb" -D "$PG_DATA" -A trust -U postgres >/dev/null
  "${run[@]}" "$bin/pg_ctl" -D "$PG_DATA" -l "$PG_DATA/server.log" -w \
    -o "-h 127.0.0.1 -p $PG_PORT -k $PG_DATA -F" start >/dev/null
  "${run[@]}" "$bin/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres patron_test
  export PATRON_TEST_PG="postgresql+psycopg://postgres@127.0.0.1:$PG_PORT/patron_test"
  echo "PostgreSQL running at $PATRON_TEST_PG" >&2
}

stop_postgres() {
  local bin
  bin="$(_pg_bin)"
  if [ -n "${PG_DATA:-}" ] && [ -n "$bin" ]; then
    runuser -u postgres -- "$bin/pg_ctl" -D "$PG_DATA" -m fast stop >/dev/null 2>&1 || true
    rm -rf "$PG_DATA"
  fi
}
