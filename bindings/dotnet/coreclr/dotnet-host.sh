#!/usr/bin/env bash
# Prints the path of a `dotnet` host with the Microsoft.NETCore.App 3.1 runtime (CoreCLR), installed
# when missing from PyPI's dotnetcore2 into target/dotnet-host: the .NET SDK cannot be installed on
# these machines, and this is a real host and runtime. Used by run-tests.sh and scripts/dist's check.
set -euo pipefail
root=$(cd "$(dirname "$0")/../../.." && pwd)
venv="$root/target/dotnet-host"
if ! "$venv/bin/python" -c 'import dotnetcore2' 2>/dev/null; then
  python3 -m venv "$venv" >&2 && "$venv/bin/pip" install -q dotnetcore2==3.1.23 >&2
fi
"$venv/bin/python" -c 'import dotnetcore2, os; print(os.path.join(os.path.dirname(dotnetcore2.__file__), "bin", "dotnet"))'
