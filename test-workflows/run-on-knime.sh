#!/usr/bin/env bash
# run-on-knime.sh KNIME_SHARED PROJECT DATA OUT
# Runs the workflows on KNIME's own engine with KNIME_SHARED/run-workflows.sh (profile knime-shared of the build):
#  - every testflow of test-workflows/ on the real data: each node must execute;
#  - the example workflows on a data folder with the WFDB headers only: they must load and configure (no configure
#    error or warning), and their run stops at the reader (their full runs are benchmarks, see example-workflows/README.md);
#  - the nodes of test-workflows/failing (bad settings) must fail, each with the message in its expected-messages.txt;
#  - every node must be saved in the state KNIME gives it: its state after loading equals its state after KNIME's
#    own reset and configure, and the load logs no "State has changed from ...".
# Logs and KNIME's own log stay under OUT. Exits 1 naming what failed.
set -uo pipefail
[ $# -eq 4 ] || { echo "usage: run-on-knime.sh KNIME_SHARED PROJECT DATA OUT" >&2; exit 2; }
KNIME=$1; PROJECT=$(cd "$2" && pwd); DATA=$3; OUT=$4
rm -rf "$OUT"; mkdir -p "$OUT"
fail=0
# PyTorch's OpenMP threads wait passively (README: KNIME on a shared machine)
export OMP_WAIT_POLICY="${OMP_WAIT_POLICY:-PASSIVE}"

flows() { # workflow folders directly under $1
  find "$1" -mindepth 2 -maxdepth 2 -name workflow.knime -printf '%h\n' | sort
}

run() { # name data-folder workflow-folders...
  local name=$1 data=$2; shift 2
  KNIME_RUN_AREA="$OUT/$name" KNIME_RUN_XMX=${KNIME_RUN_XMX:-3g} "$KNIME/run-workflows.sh" "$PROJECT" "$data" "$@" \
    > "$OUT/$name.log" 2>&1
  local rc=$?
  echo "$name: run-workflows.sh exit code $rc; $(grep -c '^RUNNER:   ' "$OUT/$name.log") node reports"
  if grep -h 'State has changed from' "$OUT/$name.log" "$OUT/$name"/area/workspace/.metadata/knime/knime.log 2>/dev/null \
      | sed "s/^/$name: loaded in another state than saved: /" | grep .; then
    fail=1
  fi
  # "after load" against "after reset+configure", node by node (the runner prints both lists in the same order)
  awk -v name="$name" '
    /^LAUNCH: =====/ { wf = substr($0, 16); wfs[++n] = wf }
    /node states after load/ { ph = "load"; s[wf, ph] = "workflow " $NF; next }
    /node states after reset\+configure/ { ph = "conf"; s[wf, ph] = "workflow " $NF; next }
    /node states after execute/ { ph = "" }
    /^RUNNER:   / && ph != "" {
      match($0, /\] [A-Z_]+/); s[wf, ph] = s[wf, ph] "|" substr($0, 12, index($0, " [") - 12) " " substr($0, RSTART + 2, RLENGTH - 2)
    }
    END {
      bad = 0
      for (i = 1; i <= n; i++) {
        a = split(s[wfs[i], "load"], l, "|"); split(s[wfs[i], "conf"], c, "|")
        for (k = 1; k <= a; k++) if (l[k] != c[k]) { print name ": " wfs[i] ": saved as " l[k] ", KNIME configures " c[k]; bad = 1 }
      }
      exit bad
    }' "$OUT/$name.log" || fail=1
  return $rc
}

# every bundle and feature of the KNIME update site carries a build qualifier (0.1.0.yyyyMMddHHmm), never SNAPSHOT
for f in "$PROJECT"/update-site/knime/target/repository/{plugins,features}/*.jar; do
  [[ $(basename "$f") =~ _0\.1\.0\.[0-9]{12}\.jar$ ]] || { echo "update site: $(basename "$f") has no build qualifier"; fail=1; }
done

mapfile -t testflows < <(flows "$PROJECT/test-workflows")
run testflows "$DATA" "${testflows[@]}"; rc=$?
grep '^RUNNER: [0-9]* nodes' "$OUT/testflows.log" | sed 's/^/testflows: /'
if [ $rc -ne 0 ]; then
  echo "testflows: a node did not execute:"; grep -E '^(RUNNER:   .*(ERROR|WARNING)|LAUNCH: (unresolved|exception))' "$OUT/testflows.log"
  fail=1
fi

# test-workflows/failing: nodes with bad settings; each listed node must fail with its message
mapfile -t failing < <(flows "$PROJECT/test-workflows/failing")
run failing "$DATA" "${failing[@]}"; rc=$?
[ $rc -eq 1 ] || { echo "failing: expected nodes to fail (exit code 1), got $rc"; fail=1; }
for w in "${failing[@]}"; do
  while IFS=$'\t' read -r id message; do
    if ! awk -v wf="/$(basename "$w")" '/^LAUNCH: =====/ { on = substr($0, length($0) - length(wf) + 1) == wf; ex = 0 }
        on && /node states after execute/ { ex = 1 } on && ex' "$OUT/failing.log" \
        | grep -E ":$id \[" | grep -qF "$message"; then
      echo "failing: $(basename "$w") node $id did not fail with: $message"; fail=1
    fi
  done < "$w/expected-messages.txt"
done

mapfile -t examples < <(flows "$PROJECT/example-workflows")
# a data folder with the WFDB headers only: the readers configure as on the real data, then fail at once
mkdir -p "$OUT/no-data/mitdb" "$OUT/no-data/cpsc2018" "$OUT/no-data/kaggle-heartbeat"
cp "$DATA"/mitdb/*.hea "$OUT/no-data/mitdb/"
run examples "$OUT/no-data" "${examples[@]}"; rc=$?
# after reset+configure, no node may report a problem (KNIME shows configure errors as warnings); the run itself must end at a reader without data (rc 1)
if [ $rc -gt 1 ] || awk '/node states after reset\+configure/{c=1;next} /node states/{c=0} c && /(ERROR|WARNING):/' \
    "$OUT/examples.log" | sed 's/^/examples: configure error: /' | grep .; then
  echo "examples: did not load and configure (see $OUT/examples.log)"; fail=1
fi
[ $fail -eq 0 ] && echo "all workflows loaded in their saved state; every testflow node executed"
exit $fail
