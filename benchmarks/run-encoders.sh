#!/usr/bin/env bash
# Builds and runs the encoder throughput benchmark (one thread, 10-field record) and the fromDdl cost.
#   benchmarks/run-encoders.sh [seconds per encoder, default 3]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -pl benchmarks -am package -DskipTests
exec java -cp "benchmarks/target/benchmarks-0.1.0-SNAPSHOT.jar:$(cat benchmarks/target/classpath.txt)" \
  io.flinkharness.bench.EncoderBenchmark "$@"
