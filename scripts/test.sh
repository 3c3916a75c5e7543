#!/usr/bin/env bash
# Runs every test: installs what they need, builds the solution once, then runs every test project.
# Extra arguments go to `dotnet test` (for example --filter "FullyQualifiedName~Jose").
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
dotnet build Identity.sln -c Release --nologo -v quiet -clp:ErrorsOnly

log=$(mktemp)
trap 'rm -f "$log"' EXIT
set +e
dotnet test Identity.sln -c Release --no-build --nologo "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
# The unit tests again on the managed secp256k1 fallback, which every signature then goes through.
IDENTITY_SECP256K1=managed dotnet test tests/Shared.Tests -c Release --no-build --nologo "$@" 2>&1 | tee -a "$log"
managed_status=${PIPESTATUS[0]}
[ "$status" -ne 0 ] || status=$managed_status
# The README's demo (local chain, issuer service, portal; every step's outcome checked) counts as one more test.
if [ $# -eq 0 ]; then
  demo_log=$(mktemp)
  if dotnet run --project samples/Demo -c Release --no-build >"$demo_log" 2>&1; then
    echo "Passed!  - Failed:     0, Passed:     1, Skipped:     0, Total:     1 - samples/Demo (scripts/demo.sh)" | tee -a "$log"
  else
    cat "$demo_log"
    echo "Failed!  - Failed:     1, Passed:     0, Skipped:     0, Total:     1 - samples/Demo (scripts/demo.sh)" | tee -a "$log"
    status=1
  fi
  rm -f "$demo_log"
fi
set -e
# One closing line for the whole run, summed over the test assemblies.
awk 'function count(label,   text) { if (match($0, label ": *[0-9]+")) { text = substr($0, RSTART, RLENGTH); gsub(/[^0-9]/, "", text); return text + 0 } return 0 }
  /^(Passed|Failed)!/ { passed += count("Passed"); failed += count("Failed") }
  END { printf "tests: %d passed, %d failed\n", passed, failed }' "$log"
exit "$status"
