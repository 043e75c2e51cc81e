#!/usr/bin/env bash
# Distributed mode on one machine, without Docker: each of the five services as its own JVM against the Axon Server
# you give, with PostgreSQL, Kafka and MongoDB either given too or started embedded (orderflow-standalone.jar
# --infrastructure-only). Ctrl-C (or SIGTERM) stops everything it started.
#
#   distributed/run-local.sh AXONSERVER_HOST:GRPC_PORT [WORK_DIR]
#
# Builds the jars first when they are missing. Logs and data go to WORK_DIR (default ./distributed-local); the
# embedded servers keep their data in ORDERFLOW_DATA_DIR when set (a standalone installation's, to move it).
# Set DATABASE_URL (with SPRING_DATASOURCE_USERNAME, SPRING_DATASOURCE_PASSWORD), KAFKA_BOOTSTRAP_SERVERS or MONGODB_URI to use servers of
# your own; the embedded ones listen on ORDERFLOW_POSTGRES_PORT, ORDERFLOW_KAFKA_PORT and ORDERFLOW_MONGO_PORT
# (15432, 19092, 17017 unless set). The gateway answers on http://localhost:${GATEWAY_PORT:-8080}; the other
# services' actuator endpoints on 8081 (command-side), 8082 (saga), 8083 (query-side), 8084 (kafka-integration).
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 1 ] || { sed -n 2,12p "$0"; exit 2; }
export AXONSERVER_SERVERS=$1
work=$(mkdir -p "${2:-distributed-local}" && cd "${2:-distributed-local}" && pwd)
services=(command-side saga query-side kafka-integration api-gateway)
ports=(8081 8082 8083 8084 "${GATEWAY_PORT:-8080}")

jar_of() { [ "$1" = standalone ] && echo standalone/target/orderflow-standalone.jar || echo "services/$1-service/target/orderflow-$1.jar"; }
for part in standalone "${services[@]}"; do
  [ -f "$(jar_of "$part")" ] || { ./mvnw -B -q -DskipTests package; break; }
done

pids=()
stop() {
  trap - INT TERM EXIT
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap stop INT TERM EXIT

if [ -z "${DATABASE_URL:-}" ] || [ -z "${KAFKA_BOOTSTRAP_SERVERS:-}" ] || [ -z "${MONGODB_URI:-}" ]; then
  export ORDERFLOW_POSTGRES_PORT=${ORDERFLOW_POSTGRES_PORT:-15432} ORDERFLOW_KAFKA_PORT=${ORDERFLOW_KAFKA_PORT:-19092} \
    ORDERFLOW_MONGO_PORT=${ORDERFLOW_MONGO_PORT:-17017}
  ORDERFLOW_DATA_DIR="${ORDERFLOW_DATA_DIR:-$work/data}" java -jar "$(jar_of standalone)" --infrastructure-only >"$work/infrastructure.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 120); do
    grep -q "OrderFlow infrastructure ready" "$work/infrastructure.log" && break
    kill -0 "${pids[0]}" 2>/dev/null || { echo "the embedded infrastructure did not start; see $work/infrastructure.log" >&2; exit 1; }
    sleep 0.5
  done
  if [ -z "${DATABASE_URL:-}" ]; then
    export DATABASE_URL=jdbc:postgresql://localhost:$ORDERFLOW_POSTGRES_PORT/postgres SPRING_DATASOURCE_USERNAME=postgres \
      SPRING_DATASOURCE_PASSWORD=
  fi
  export KAFKA_BOOTSTRAP_SERVERS=${KAFKA_BOOTSTRAP_SERVERS:-127.0.0.1:$ORDERFLOW_KAFKA_PORT}
  export MONGODB_URI=${MONGODB_URI:-mongodb://127.0.0.1:$ORDERFLOW_MONGO_PORT/orderflow}
fi
export ORDERFLOW_SECURITY_KEYS_DIRECTORY=${ORDERFLOW_SECURITY_KEYS_DIRECTORY:-$work/keys}

for i in "${!services[@]}"; do
  SERVER_PORT=${ports[$i]} java -jar "$(jar_of "${services[$i]}")" >"$work/${services[$i]}.log" 2>&1 &
  pids+=($!)
done
for i in "${!services[@]}"; do
  until curl -fs "http://localhost:${ports[$i]}/actuator/health/readiness" >/dev/null 2>&1; do
    kill -0 "${pids[$((i + ${#pids[@]} - ${#services[@]}))]}" 2>/dev/null \
      || { echo "${services[$i]} did not start; see $work/${services[$i]}.log" >&2; exit 1; }
    sleep 1
  done
  echo "${services[$i]} ready on port ${ports[$i]} (log: $work/${services[$i]}.log)"
done
echo "OrderFlow distributed on Axon Server $AXONSERVER_SERVERS: Console http://localhost:${ports[4]}/console/ | API http://localhost:${ports[4]}/api"
wait
