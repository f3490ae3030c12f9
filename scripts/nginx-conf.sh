#!/usr/bin/env bash
# Renders nginx/nginx.conf.template for one run.
#   [SIMULATOR_LISTEN=127.0.0.1:8081 SIMULATOR_SOCKET=…] nginx-conf.sh LISTEN RESPONDER_SOCKET RUNTIME_DIR [MEDIA_DIR] > nginx.conf
# LISTEN is an address nginx accepts (127.0.0.1:8080), RUNTIME_DIR holds the pid file, temp folders, logs and
# sites/. The static root is the repository's nginx/www; MEDIA_DIR (default RUNTIME_DIR/media) is served at
# /media/ and must be campaignd's CAMPAIGND_MEDIA_DIR. With SIMULATOR_LISTEN (a loopback address) and
# SIMULATOR_SOCKET (`campaignd simulate`'s), the simulator gets a server of its own on that address.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
listen=${1:?listen address required}
socket=${2:?responder socket required}
runtime=${3:?runtime directory required}
media=${4:-$runtime/media}
mkdir -p "$runtime/logs" "$runtime/temp" "$runtime/sites" "$media"
media=$(cd "$media" && pwd)
rm -f "$runtime/sites/simulator.conf"
if [ -n "${SIMULATOR_LISTEN:-}" ]; then
  case "$SIMULATOR_LISTEN" in
    127.*:*|localhost:*|'[::1]':*) ;;
    *) echo "nginx-conf.sh: SIMULATOR_LISTEN must be a loopback address such as 127.0.0.1:8081, got $SIMULATOR_LISTEN" >&2; exit 2 ;;
  esac
  sed -e "s|@SIMULATOR_LISTEN@|$SIMULATOR_LISTEN|g" \
      -e "s|@SIMULATOR_SOCKET@|${SIMULATOR_SOCKET:?SIMULATOR_SOCKET required with SIMULATOR_LISTEN}|g" \
      "$here/nginx/simulator.conf.template" > "$runtime/sites/simulator.conf"
fi
sed -e "s|@LISTEN@|$listen|g" \
    -e "s|@SOCKET@|$socket|g" \
    -e "s|@RUNTIME@|$runtime|g" \
    -e "s|@STATIC_ROOT@|$here/nginx/www|g" \
    -e "s|@MEDIA_ROOT@|$media|g" \
    "$here/nginx/nginx.conf.template"
