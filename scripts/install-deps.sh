#!/usr/bin/env bash
# Installs the system packages the build, the server and the tests need, if any is missing
# (chromium: the Creative Studio browser tests).
set -euo pipefail
packages=(pkg-config libfcgi-dev libpq-dev postgresql postgresql-contrib nginx curl chromium fonts-dejavu-core)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "installing: ${missing[*]}" >&2
sudo=""
[ "$(id -u)" = 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
