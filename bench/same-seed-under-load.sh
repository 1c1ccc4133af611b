#!/bin/bash
# The same-seed test 20 times in a row, each in a fresh JVM, while two busy loops keep both cores busy.
cd "$(dirname "$0")/.."
yes > /dev/null & Y1=$!
yes > /dev/null & Y2=$!
pass=0
for i in $(seq 1 20); do
  start=$(date +%s)
  if ./mvnw -o -q -B -pl plugins/org.robustecg.core surefire:test -Dtest='TrainerTest#sameSeedGivesBitIdenticalParameters' > "${TMPDIR:-/tmp}/same-seed-run-$i.log" 2>&1; then
    pass=$((pass+1)); echo "run $i: pass ($(( $(date +%s) - start )) s, load $(cut -d' ' -f1 /proc/loadavg))"
  else
    echo "run $i: FAIL"; grep -a 'expected' "${TMPDIR:-/tmp}/same-seed-run-$i.log" | head -2
  fi
done
kill $Y1 $Y2
echo "$pass of 20 passed"
