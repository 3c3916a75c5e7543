#!/usr/bin/env bash
# Runs every test: installs what they need, builds the solution once, then runs each test project.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
dotnet build Identity.sln -c Release --nologo -v quiet
dotnet test Identity.sln -c Release --no-build --nologo "$@"
