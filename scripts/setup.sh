#!/usr/bin/env bash
# Installs what the build, the tests and the demo need on a fresh Debian machine of this project's kind:
# the reference secp256k1 library, Node.js, PostgreSQL, Redis, Chromium, wrk, and the npm test peers
# (reference libraries, anvil, the registry).
set -euo pipefail
cd "$(dirname "$0")/.."

debian_packages=()
ldconfig -p | grep -q 'libsecp256k1\.so\.1 ' || debian_packages+=(libsecp256k1-1)
command -v node >/dev/null || debian_packages+=(nodejs npm)
# The issuer's PostgreSQL suite, the verifier's multi-instance Redis test, the portal's browser test and the load run.
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || debian_packages+=(postgresql)
command -v redis-server >/dev/null || debian_packages+=(redis-server)
command -v chromium >/dev/null || debian_packages+=(chromium)
command -v wrk >/dev/null || debian_packages+=(wrk)
if [ ${#debian_packages[@]} -gt 0 ]; then
  echo "setup: installing ${debian_packages[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${debian_packages[@]}" >/dev/null
fi

if [ ! -d tests/node/node_modules ] || [ tests/node/package-lock.json -nt tests/node/node_modules/.package-lock.json ]; then
  echo "setup: npm ci in tests/node"
  (cd tests/node && npm ci --no-audit --no-fund --loglevel=error)
fi
# npm does not always keep the executable bit of a platform package's binary.
chmod +x tests/node/node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil
