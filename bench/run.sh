#!/usr/bin/env bash
# Builds the platform and runs the benchmark: the tuned platform and Axon's defaults under the same load, the
# machine's baselines, a table on stdout, JSON and an SVG chart in bench/results/. Options pass through, e.g.
#   bench/run.sh --rate 8 --duration 70s --concurrency 16
# The benchmark's classes run on the standalone jar's class path (Spring Boot's PropertiesLauncher, loader.path).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -DskipTests package
exec java -Dloader.path=bench/target/orderflow-bench.jar -Dloader.main=io.orderflow.bench.Benchmark \
  -cp standalone/target/orderflow-standalone.jar org.springframework.boot.loader.launch.PropertiesLauncher \
  --jar standalone/target/orderflow-standalone.jar "$@"
