#!/usr/bin/env bash
# Builds and runs the start-up / per-case latency benchmark. Arguments go to HarnessBenchmark, e.g.
#   benchmarks/run.sh --runs 5 --warm-cases 10 --records 1000
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -pl benchmarks -am package -DskipTests
exec java -cp "benchmarks/target/benchmarks-0.1.0-SNAPSHOT.jar:$(cat benchmarks/target/classpath.txt)" \
  io.flinkharness.bench.HarnessBenchmark "$@"
