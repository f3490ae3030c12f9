#!/usr/bin/env bash
# Installs the system packages the build, the server and the tests need, if any is missing
# (chromium: the Creative Studio browser tests; pgbouncer, openssl and systemd: the tests of the server behind a
# transaction pooler and of the deployment files).
set -euo pipefail
packages=(pkg-config libfcgi-dev libpq-dev postgresql postgresql-contrib pgbouncer nginx curl openssl systemd chromium fonts-dejavu-core)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
# graphql-core (PyPI): the tests compare our introspection with the reference implementation's Python port.
if ! python3 -c "import graphql" 2>/dev/null; then
  python3 -m pip install --quiet --disable-pip-version-check "graphql-core>=3.2,<3.3" 2>/dev/null \
    || python3 -m pip install --quiet --disable-pip-version-check --break-system-packages "graphql-core>=3.2,<3.3"
fi
[ ${#missing[@]} -eq 0 ] && exit 0
echo "installing: ${missing[*]}" >&2
sudo=""
[ "$(id -u)" = 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
