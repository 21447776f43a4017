#!/usr/bin/env bash
# Sweeps scenarios/gavel-fifo.yaml over arrival rates, with the type-blind default profile and the
# heterogeneity-aware fastest-accelerator profile, and prints the README's table: mean completion
# time in hours of jobs 4000-5000 (Gavel's steady-state window), averaged over seeds.
#
#   scripts/gavel-sweep.sh                       # rates 0.4 ... 5.2, seeds 1 2 3
#   RATES="1 2 3" SEEDS="1" scripts/gavel-sweep.sh
#
# Needs python3 (to read summary.json). Below saturation a run takes a few seconds; at 4.8 and
# 5.2 jobs/h, past saturation, every freed GPU wakes every pending pod and a run takes minutes:
# the whole default sweep (78 runs) takes about half an hour on two cores.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rates="${RATES:-0.4 0.8 1.2 1.6 2.0 2.4 2.8 3.2 3.6 4.0 4.4 4.8 5.2}"
seeds="${SEEDS:-1 2 3}"
profiles="default fastest-accelerator"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# One copy of the scenario per rate. The run lasts until well after the last arrival: 6000 jobs
# at the rate, plus 2500 h for the longest jobs (the longest is 10^4 minutes of V100 time,
# several times that on a K80).
for rate in $rates; do
  hours=$(awk -v r="$rate" 'BEGIN { printf "%d", 6000 / r + 2500 }')
  sed -e "s/^  rate: 2 .*/  rate: $rate/" -e "s/^  duration: 6000h .*/  duration: ${hours}h/" \
    "$root/scenarios/gavel-fifo.yaml" > "$work/gavel-$rate.yaml"
  grep -q "^  rate: $rate\$" "$work/gavel-$rate.yaml" || { echo "could not set the rate in gavel-fifo.yaml" >&2; exit 1; }
done

echo "| jobs/h | default: mean JCT (h) | fastest-accelerator: mean JCT (h) | jobs of the window completed (default / fastest) |"
echo "|---:|---:|---:|---|"
for rate in $rates; do
  row="| $rate"
  done_counts=""
  for profile in $profiles; do
    sum=0; n=0; completed=""
    for seed in $seeds; do
      out="$work/out-$rate-$profile-$seed"
      "$root/ksim" run "$work/gavel-$rate.yaml" --profile "$profile" --seed "$seed" --out "$out" > /dev/null
      read -r jct count < <(python3 - "$out/summary.json" <<'PY'
import json, sys
m = json.load(open(sys.argv[1]))["workload_generators"][0]["measure"]
print(m["mean_jct_s"] if m["mean_jct_s"] is not None else "nan", m["completed"])
PY
)
      sum=$(awk -v s="$sum" -v j="$jct" 'BEGIN { print s + j }'); n=$((n + 1))
      completed="$completed${completed:+,}$count"
      rm -rf "$out"
    done
    row="$row | $(awk -v s="$sum" -v n="$n" 'BEGIN { printf "%.1f", s / n / 3600 }')"
    done_counts="$done_counts${done_counts:+ / }$completed"
  done
  echo "$row | $done_counts |"
done
