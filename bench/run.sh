#!/usr/bin/env bash
# Builds the platform and runs the benchmark: the tuned platform and Axon's defaults under the same load, the
# machine's baselines, a table on stdout, JSON and an SVG chart in bench/results/. Options pass through, e.g.
#   bench/run.sh --rate 8 --duration 60s --concurrency 16
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -DskipTests package
exec java -cp standalone/target/orderflow-standalone.jar -Dloader.main=io.orderflow.standalone.tools.Benchmark \
  org.springframework.boot.loader.launch.PropertiesLauncher "$@"
