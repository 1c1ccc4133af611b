#!/bin/bash
# A real Spark standalone cluster on this machine (loopback only): a master and two workers of one core each, in
# their own JVMs, from the Spark jars the build fetched from Maven Central. Then
#   1. spark-submit runs the job jar on a tiny study; its predictions must equal a single-process run's;
#   2. ./robustecg study --spark spark://... runs a larger one, and one worker JVM is killed (SIGKILL) while the
#      attacks run; the study must still finish, equal to the single-process run.
# Usage: bench/spark-cluster.sh [work folder]   (default: $TMPDIR/robustecg-spark-cluster)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="${1:-${TMPDIR:-/tmp}/robustecg-spark-cluster}"
spark="$root/plugins/org.robustecg.spark/target"
rm -rf "$work" && mkdir -p "$work/mitdb"
if [ ! -f "$spark/robustecg-spark.jar" ] || [ ! -f "$spark/java-options" ]; then
  (cd "$root" && ./mvnw -q -B -pl plugins/org.robustecg.spark -am -DskipTests package)
fi
read -r -a options < "$spark/java-options"
native="$(ls "$spark"/native/pytorch-native-cpu-*.jar)"
# The workers start executors with $SPARK_HOME/jars on their class path: a Spark home made of the build's jars.
mkdir -p "$work/spark-home" && ln -s "$spark/spark-lib" "$work/spark-home/jars"
export SPARK_HOME="$work/spark-home" SPARK_SCALA_VERSION=2.13 SPARK_LOCAL_IP=127.0.0.1
master=spark://127.0.0.1:7077
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

java "${options[@]}" -Xmx512m -cp "$spark/spark-lib/*" org.apache.spark.deploy.master.Master --host 127.0.0.1 \
  --port 7077 --webui-port 18080 > "$work/master.log" 2>&1 &
pids+=($!)
for i in 1 2; do
  java "${options[@]}" -Xmx512m -cp "$spark/spark-lib/*" org.apache.spark.deploy.worker.Worker --host 127.0.0.1 \
    --cores 1 --memory 3g --webui-port $((18080 + i)) --work-dir "$work/worker-$i" "$master" \
    > "$work/worker-$i.log" 2>&1 &
  pids+=($!)
done
worker2=${pids[2]}
for _ in $(seq 60); do
  [ "$(grep -c "Successfully registered with master" "$work"/worker-*.log 2>/dev/null | awk -F: '{s+=$2} END {print s}')" = 2 ] && break
  sleep 1
done
echo "cluster: master $master, 2 workers of 1 core (pids ${pids[*]})"

for r in 100 119 208 213 232; do cp "$root"/test-data/mitdb/$r.{hea,dat,atr} "$work/mitdb/"; done
cat > "$work/tiny.yaml" <<'EOF'
name: tiny on a cluster
seed: 5
data: {split: random, test_fraction: 0.2, train_per_class: 10, test_per_class: 5}
train: {epochs: 1, batch_size: 32, width: 0.0625, balance: true, robust_samples: 0}
models:
  - {name: plain, architecture: resnet18, loss: ce}
  - {name: robust, architecture: caslcnet, loss: mart, attack_steps: 2}
attacks:
  - {attack: pgd, eps: [0.05, 0.1], steps: 2, batch_size: 8}
score: {eps_max: 0.1}
EOF
cat > "$work/larger.yaml" <<'EOF'
name: larger on a cluster
seed: 7
data: {split: random, test_fraction: 0.3, train_per_class: 20, test_per_class: 30}
train: {epochs: 1, batch_size: 32, width: 0.0625, balance: true, robust_samples: 0}
models:
  - {name: plain, architecture: resnet18, loss: ce}
attacks:
  - {attack: pgd, eps: [0.01, 0.05, 0.1], steps: 10, batch_size: 16}
score: {eps_max: 0.1}
EOF

# The single-process answers, with one PyTorch thread like each executor task (the last digits of the norms
# depend on PyTorch's thread count).
for s in tiny larger; do
  ROBUSTECG_THREADS=1 "$root/robustecg" study "$work/$s.yaml" --data "$work/mitdb" --out "$work/$s-local" \
    > "$work/$s-local.log" 2>&1
done

same() {
  local ok=yes
  for t in "$work/$1-local"/predictions/*.csv; do
    if cmp -s "$t" "$work/$2/predictions/$(basename "$t")"; then
      echo "  $(basename "$t"): equal ($(($(wc -l < "$t") - 1)) rows)"
    else
      echo "  $(basename "$t"): DIFFERENT"; ok=no
    fi
  done
  [ $ok = yes ]
}

echo "1. spark-submit of the job jar (tiny study)"
start=$(date +%s)
java "${options[@]}" -Xmx2g -cp "$spark/spark-lib/*" org.apache.spark.deploy.SparkSubmit --master "$master" \
  --class org.robustecg.spark.StudyJob --jars "$native" --conf spark.ui.enabled=false \
  "$spark/robustecg-spark.jar" "$work/tiny.yaml" --data "$work/mitdb" --out "$work/tiny-submitted" \
  > "$work/tiny-submitted.log" 2>&1
echo "  exit 0 in $(( $(date +%s) - start )) s"
same tiny tiny-submitted || echo "  (not all equal)"

echo "2. ./robustecg study --spark $master (larger study), one worker killed during the attacks"
start=$(date +%s)
"$root/robustecg" study "$work/larger.yaml" --data "$work/mitdb" --out "$work/larger-cluster" --spark "$master" \
  --spark-conf spark.robustecg.itemsPerTask=16 > "$work/larger-cluster.log" 2>&1 &
study=$!
until grep -q "attacking on Spark" "$work/larger-cluster.log" 2>/dev/null; do
  kill -0 $study 2>/dev/null || { cat "$work/larger-cluster.log"; exit 1; }
  sleep 1
done
sleep 8
kill -9 "$worker2"
echo "  killed worker 2 (pid $worker2) $(( $(date +%s) - start )) s in"
wait $study
echo "  exit 0 in $(( $(date +%s) - start )) s"
grep -E "Lost|lost|removed" "$work/larger-cluster.log" | head -3 | sed 's/^/  driver: /' || true
same larger larger-cluster || echo "  (not all equal)"
echo done
