#!/usr/bin/env bash
# A Spark standalone cluster on this machine: a master, a worker, and executors in JVMs of their own, made
# of the Spark jars the fleet build copies from Maven Central to fleet/target/lib. It is what a Spark
# distribution's sbin/start-master.sh and start-worker.sh start, for machines with no distribution: the
# fleet jar can then be spark-submitted as to any cluster (docs/fleet.md).
#
#   fleet/standalone/cluster.sh start    # master spark://127.0.0.1:17077, UI http://127.0.0.1:18080
#   fleet/target/spark-home/bin/spark-submit --master spark://127.0.0.1:17077 ...
#   fleet/standalone/cluster.sh stop
set -euo pipefail
here=$(cd "$(dirname "$(readlink -f "$0")")" && pwd)
root=$(cd "$here/../.." && pwd)
source "$root/scripts/lib.sh"
use_jdk

export SPARK_HOME=$root/fleet/target/spark-home
export SPARK_SCALA_VERSION=2.13
master_url=spark://127.0.0.1:17077
# The flags Spark's launcher gives every JVM it starts on JDK 17+.
flags=(--add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
  --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED)

daemon() {
  local name=$1
  shift
  nohup "$JAVA_HOME/bin/java" "${flags[@]}" -cp "$SPARK_HOME/jars/*" "$@" >"$SPARK_HOME/logs/$name.log" 2>&1 &
  echo $! >"$SPARK_HOME/run/$name.pid"
}

case "${1:-}" in
  start)
    if [ ! -d "$root/fleet/target/lib" ]; then
      echo "cluster.sh: fleet/target/lib is missing; run scripts/build.sh first" >&2
      exit 2
    fi
    # A distribution's layout as Spark's launcher looks for it: jars/, and RELEASE to say it is one.
    mkdir -p "$SPARK_HOME/bin" "$SPARK_HOME/logs" "$SPARK_HOME/run" "$SPARK_HOME/work"
    ln -sfn "$root/fleet/target/lib" "$SPARK_HOME/jars"
    echo "Spark 4.1.1 jars from Maven Central (fleet/target/lib)" >"$SPARK_HOME/RELEASE"
    cp "$here/spark-submit" "$SPARK_HOME/bin/spark-submit"
    daemon master org.apache.spark.deploy.master.Master --host 127.0.0.1 --port 17077 --webui-port 18080
    sleep 5
    daemon worker org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --cores 2 --memory 2g \
      --webui-port 18081 --work-dir "$SPARK_HOME/work" "$master_url"
    echo "cluster.sh: master $master_url (logs in $SPARK_HOME/logs)"
    ;;
  stop)
    for name in worker master; do
      if [ -f "$SPARK_HOME/run/$name.pid" ]; then
        kill "$(cat "$SPARK_HOME/run/$name.pid")" 2>/dev/null || true
        rm -f "$SPARK_HOME/run/$name.pid"
      fi
    done
    ;;
  *)
    echo "usage: cluster.sh start|stop" >&2
    exit 2
    ;;
esac
