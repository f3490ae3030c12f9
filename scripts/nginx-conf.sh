#!/usr/bin/env bash
# Renders nginx/nginx.conf.template for one run.
#   nginx-conf.sh LISTEN RESPONDER_SOCKET RUNTIME_DIR [SIMULATOR_SOCKET] > nginx.conf
# LISTEN is an address nginx accepts (127.0.0.1:8080), RUNTIME_DIR holds the pid file, temp
# folders and logs; SIMULATOR_SOCKET (default RUNTIME_DIR/simulator.sock) is `campaignd simulate`'s.
# The static root is the repository's nginx/www.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
listen=${1:?listen address required}
socket=${2:?responder socket required}
runtime=${3:?runtime directory required}
simulator=${4:-$runtime/simulator.sock}
mkdir -p "$runtime/logs" "$runtime/temp"
sed -e "s|@LISTEN@|$listen|g" \
    -e "s|@SOCKET@|$socket|g" \
    -e "s|@SIMULATOR_SOCKET@|$simulator|g" \
    -e "s|@RUNTIME@|$runtime|g" \
    -e "s|@STATIC_ROOT@|$here/nginx/www|g" \
    "$here/nginx/nginx.conf.template"
