#!/usr/bin/env bash
# Load and soak against the sandbox, every call reconciled (see SoakMain), from the repository root or anywhere:
#   benchmarks/run-soak.sh load [options]    10,000 calls from 32 threads on one client
#   benchmarks/run-soak.sh soak [options]    3 minutes, faults and certificate rotation
#   benchmarks/run-soak.sh --help            the options
# Builds the module and what it needs with the reactor (nothing is installed; SOAK_SKIP_BUILD=1 skips it),
# then runs in its own JVM with a fixed heap, so that heap figures compare.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ "${SOAK_SKIP_BUILD:-}" != 1 ]]; then
  mvn -B -q -o -pl benchmarks -am package -DskipTests
fi
exec java -Xms256m -Xmx256m ${SOAK_JAVA_OPTS:-} -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" \
  dev.wxpay.benchmarks.soak.SoakMain "$@"
