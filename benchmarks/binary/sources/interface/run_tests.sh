#!/usr/bin/env bash
# Run every impl of every "same interface" task on its tests and compare with the expected output.
#
#   benchmarks/binary/sources/interface/run_tests.sh [task ...]
#
# tests/input_<n>.txt is stdin, tests/args_<n>.txt (optional) holds the command-line arguments,
# tests/expected_<n>.txt the expected stdout. Each impl is built with gcc -O0, gcc -O2, clang -O0 and clang -O3.
set -u
HERE="$(cd "$(dirname "$0")" && pwd)"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
if [ $# -gt 0 ]; then TASKS=("$@"); else
  TASKS=(); for d in "$HERE"/*/; do [ -f "$d/SPEC.md" ] && TASKS+=("$(basename "$d")"); done
fi
status=0
for task in "${TASKS[@]}"; do
  dir="$HERE/$task"
  fails=""; runs=0
  for src in "$dir"/impl_*.c; do
    k="$(basename "$src" .c)"
    for cc_opt in "gcc -O0" "gcc -O2" "clang -O0" "clang -O3"; do
      exe="$TMP/$task-$k-${cc_opt// /}"
      if ! (cd "$dir" && $cc_opt -std=gnu11 -o "$exe" "$k.c") 2>/dev/null; then fails+=" $k($cc_opt):compile"; continue; fi
      for input in "$dir"/tests/input_*.txt; do
        n="$(basename "$input" .txt)"; n="${n#input_}"
        args=(); [ -f "$dir/tests/args_$n.txt" ] && read -r -a args <"$dir/tests/args_$n.txt"
        runs=$((runs + 1))
        if ! timeout 10 "$exe" "${args[@]}" <"$input" 2>/dev/null | cmp -s - "$dir/tests/expected_$n.txt"; then
          fails+=" $k($cc_opt):test$n"
        fi
      done
    done
  done
  if [ -z "$fails" ]; then printf '%-22s OK   (%d runs)\n' "$task" "$runs"; else printf '%-22s FAIL%s\n' "$task" "$fails"; status=1; fi
done
exit $status
