#!/usr/bin/env bash
# Builds the platform and soaks it: an hour (by default) at half the rate the benchmark shows it keeping up with,
# with orders delivered per second, p99, error answers and resident memory per 5-minute window and their drift, as
# a table on stdout and JSON in bench/results/soak-latest.json. Options pass through, e.g.
#   bench/soak.sh --minutes 60 --window 5m --warm-up 2m --rate 4
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -DskipTests package
exec java -Dloader.path=bench/target/orderflow-bench.jar -Dloader.main=io.orderflow.bench.Soak \
  -cp standalone/target/orderflow-standalone.jar org.springframework.boot.loader.launch.PropertiesLauncher \
  --jar standalone/target/orderflow-standalone.jar "$@"
