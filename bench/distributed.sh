#!/usr/bin/env bash
# Builds the platform and measures distributed mode against standalone in one run: POST to PAID under a light load
# (standalone, then the five services on Axon Server), and orders delivered per second under a heavy load with one
# instance of each service and with two command-side and two query-side instances. Needs an Axon Server, as the
# distributed tests do: AXONSERVER_JAR (a runnable jar, started and stopped here) or AXONSERVER_ADDRESS (a running
# server in development mode). Options pass through, e.g.
#   AXONSERVER_JAR=/path/to/axonserver.jar bench/distributed.sh --light-rate 2 --heavy-rate 10 --duration 70s --warm-up 40s
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -DskipTests package
exec java -Dloader.path=bench/target/orderflow-bench.jar -Dloader.main=io.orderflow.bench.DistributedBenchmark \
  -cp standalone/target/orderflow-standalone.jar org.springframework.boot.loader.launch.PropertiesLauncher \
  --jar standalone/target/orderflow-standalone.jar "$@"
