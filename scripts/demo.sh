#!/usr/bin/env bash
# The main job on embedded defaults: a local chain with the ERC-1056 registry; a patient did:ethr managed through
# relayed meta-transactions; a credential issued, presented and verified; a key rotation after which the old key is
# refused — each step printed.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
dotnet run --project samples/Demo -c Release
