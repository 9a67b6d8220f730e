#!/usr/bin/env bash
# The whole-call benchmark (wxpay vs the official SDK vs a bare client), from the repository root or anywhere:
#   benchmarks/run-whole-call.sh [--quick | --check | options...]   (--help lists the options)
# Builds the module and what it needs with the reactor (nothing is installed), then runs the harness.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -pl benchmarks -am package -DskipTests
exec java -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" \
  dev.wxpay.benchmarks.whole.WholeCallBenchmark "$@"
