#!/usr/bin/env bash
# Builds and runs a benchmark. The first argument picks it; the rest go to it:
#   benchmarks/run.sh --runs 5 --warm-cases 10 --records 1000     start-up and per-case latency (HarnessBenchmark)
#   benchmarks/run.sh generator --records 1000000 --runs 5        data generation throughput (GeneratorBenchmark)
#   benchmarks/run.sh junit --runs 3                              JUnit extension: JVM start to first test, per-test overhead
#   benchmarks/run.sh unbounded --windows 20                      unbounded job: window closed to row visible, per checkpoint interval
set -euo pipefail
cd "$(dirname "$0")/.."
main=io.flinkharness.bench.HarnessBenchmark
if [[ "${1:-}" == "generator" ]]; then
  main=io.flinkharness.bench.GeneratorBenchmark
  shift
elif [[ "${1:-}" == "junit" ]]; then
  main=io.flinkharness.bench.junit.ExtensionBenchmark
  shift
elif [[ "${1:-}" == "unbounded" ]]; then
  main=io.flinkharness.bench.unbounded.UnboundedLatencyBenchmark
  shift
fi
mvn -B -q -pl benchmarks -am package -DskipTests
exec java ${BENCH_JAVA_OPTS:-} -cp "benchmarks/target/benchmarks-0.1.0-SNAPSHOT.jar:$(cat benchmarks/target/classpath.txt)" \
  "$main" "$@"
