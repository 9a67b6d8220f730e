#!/bin/sh
# The long fuzz run (issue 11): every fuzz target of the runtime and of the generated payment adapters,
# each with TRIES inputs (default 100000) instead of the few hundred to few thousand of `mvn verify`.
# A failure prints its seed (replay: add -Dwxpay.fuzz.seed=SEED) and saves the input under
# <module>/target/fuzz-failures/. Usage: runtime/fuzz-long.sh [TRIES]
set -e
tries=${1:-100000}
cd "$(dirname "$0")/.."
exec mvn -B -ntp -o -pl runtime,endpoints/payments -am verify -Dsurefire.failIfNoSpecifiedTests=false \
  -Dtest='*FuzzTest,FuzzRegressionTest' -Dwxpay.fuzz.tries="$tries" -Dwxpay.fuzz.deadlineSeconds=30
