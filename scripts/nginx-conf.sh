#!/usr/bin/env bash
# Renders nginx/nginx.conf.template for one run.
#   nginx-conf.sh LISTEN RESPONDER_SOCKET RUNTIME_DIR [SIMULATOR_SOCKET [MEDIA_DIR]] > nginx.conf
# LISTEN is an address nginx accepts (127.0.0.1:8080), RUNTIME_DIR holds the pid file, temp
# folders and logs; SIMULATOR_SOCKET (default RUNTIME_DIR/simulator.sock) is `campaignd simulate`'s.
# The static root is the repository's nginx/www; MEDIA_DIR (default RUNTIME_DIR/media) is served
# at /media/ and must be campaignd's CAMPAIGND_MEDIA_DIR.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
listen=${1:?listen address required}
socket=${2:?responder socket required}
runtime=${3:?runtime directory required}
simulator=${4:-$runtime/simulator.sock}
media=${5:-$runtime/media}
mkdir -p "$runtime/logs" "$runtime/temp" "$media"
media=$(cd "$media" && pwd)
sed -e "s|@LISTEN@|$listen|g" \
    -e "s|@SOCKET@|$socket|g" \
    -e "s|@SIMULATOR_SOCKET@|$simulator|g" \
    -e "s|@RUNTIME@|$runtime|g" \
    -e "s|@STATIC_ROOT@|$here/nginx/www|g" \
    -e "s|@MEDIA_ROOT@|$media|g" \
    "$here/nginx/nginx.conf.template"
