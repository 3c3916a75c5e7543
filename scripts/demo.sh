#!/usr/bin/env bash
# The main job on embedded defaults: a local chain with the ERC-1056 registry; the hospital's issuer service (SQLite,
# an encrypted key file) and a clinic portal (the verifier middleware), each its own process; a patient did:ethr managed
# through relayed meta-transactions; credentials issued against a holder proof, presented to the portal, one revoked;
# a key rotation after which the old key is refused — each step printed, each outcome checked.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
dotnet run --project samples/Demo -c Release
