#!/usr/bin/env bash
# A private PostgreSQL cluster on a unix socket, from the system's PostgreSQL binaries; no system
# service is touched. PostgreSQL refuses to run as root, so as root the cluster runs as `postgres`.
#   pg-cluster.sh start DATA_DIR SOCKET_DIR [durable|throwaway]
#   pg-cluster.sh stop DATA_DIR [fast|immediate]
#   pg-cluster.sh restart DATA_DIR
set -euo pipefail

bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -n "$bindir" ] || { echo "pg-cluster: no PostgreSQL server binaries under /usr/lib/postgresql" >&2; exit 1; }

as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

command=${1:?usage: pg-cluster.sh start|stop|restart DATA_DIR ...}
data=${2:?data directory required}

case "$command" in
  start)
    socket=${3:?socket directory required}
    mode=${4:-durable}
    mkdir -p "$data" "$socket"
    if [ "$(id -u)" = 0 ]; then chown postgres: "$data" "$socket"; fi
    chmod 700 "$data"
    chmod 755 "$socket"
    if [ ! -f "$data/PG_VERSION" ]; then
      as_owner "$bindir/initdb" -D "$data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    fi
    # The test suite (throwaway clusters) runs many servers at once, each with its pools: room for them all.
    connections=300
    if [ "$mode" = throwaway ]; then connections=1000; fi
    options="-k $socket -c listen_addresses= -c max_connections=$connections -c shared_buffers=128MB"
    if [ "$mode" = throwaway ]; then
      options="$options -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    fi
    # A cluster still running from a run that was killed before it could stop it: stop it, then start afresh.
    if as_owner "$bindir/pg_ctl" -D "$data" status >/dev/null 2>&1; then
      echo "pg-cluster: stopping the cluster an earlier run left running in $data" >&2
      as_owner "$bindir/pg_ctl" -D "$data" -m fast -w -t 60 stop >/dev/null
    fi
    # In a session of its own: a signal to the caller's process group (Ctrl-C, SIGTERM to `make run`) does not
    # reach PostgreSQL half-way; the caller stops it with `pg-cluster.sh stop`.
    as_owner setsid -w "$bindir/pg_ctl" -D "$data" -l "$data/server.log" -o "$options" -w -t 60 start >/dev/null
    ;;
  stop)
    as_owner "$bindir/pg_ctl" -D "$data" -m "${3:-fast}" -w stop >/dev/null
    ;;
  restart)
    as_owner "$bindir/pg_ctl" -D "$data" -m fast -w -t 60 restart >/dev/null
    ;;
  *)
    echo "pg-cluster: unknown command $command" >&2
    exit 2
    ;;
esac
