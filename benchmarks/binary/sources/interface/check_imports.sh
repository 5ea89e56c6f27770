#!/usr/bin/env bash
# Check that the four implementations of every "same interface" task import exactly the same library functions.
#
#   benchmarks/binary/sources/interface/check_imports.sh [task ...]
#
# For each task and each compiler/level it compiles impl_*.c with the benchmark's flags (build.py COMMON_FLAGS),
# collects the undefined dynamic symbols (ELF: nm -D --undefined-only; PE: the import table of objdump -p) and
# prints OK when the sets are identical across the impls, DIFF (with the symbols that are not shared) otherwise.
# Start-up / toolchain symbols are ignored: __libc_start_main, __cxa_finalize, _ITM_*, __gmon_start__,
# __stack_chk_fail and the *_chk fortify variants. It also checks that every function of the SPEC.md list
# "Library functions:" line is called in the source of every impl (a text check), and (row "spec src") that
# the calls left in a gcc -O0 -fno-builtin object are exactly that list (data symbols stdin/stdout/stderr aside),
# i.e. no impl calls anything else.
# Exit status 1 if anything differs or fails to compile.
set -u
HERE="$(cd "$(dirname "$0")" && pwd)"
FLAGS=(-std=gnu11 -Wall -Wextra -pipe)
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

# name|compiler command|nm command|levels
CONFIGS=(
  "gcc|gcc|nm|O0 O1 O2 O3"
  "clang|clang|nm|O0 O1 O2 O3"
  "aarch64-gcc|aarch64-linux-gnu-gcc|aarch64-linux-gnu-nm|O2"
  "arm-gcc|arm-linux-gnueabihf-gcc|arm-linux-gnueabihf-nm|O2"
  "mingw-gcc|x86_64-w64-mingw32-gcc|PE|O0 O2"
)

elf_imports() {  # $1 nm, $2 binary
  "$1" -D --undefined-only "$2" | awk '{print $NF}' | sed 's/@.*//' |
    grep -Ev '^(__libc_start_main|__cxa_finalize|_ITM_.*|__gmon_start__|__stack_chk_fail|__stack_chk_guard|.*_chk)$' |
    sort -u
}

pe_imports() {  # $1 binary: every imported name of every DLL
  x86_64-w64-mingw32-objdump -p "$1" |
    awk '/DLL Name:/ {in_dll=1; next} in_dll && /^\t[0-9a-f]+\t +[0-9]+ / {print $3} /^$/ {in_dll=0}' | sort -u
}

if [ $# -gt 0 ]; then TASKS=("$@"); else
  TASKS=(); for d in "$HERE"/*/; do [ -f "$d/SPEC.md" ] && TASKS+=("$(basename "$d")"); done
fi

status=0
for task in "${TASKS[@]}"; do
  dir="$HERE/$task"
  impls=("$dir"/impl_*.c)
  # source-level check of the SPEC list
  spec_fns="$(grep -m1 '^Library functions:' "$dir/SPEC.md" | sed 's/^Library functions://; s/[`,]/ /g')"
  spec_fns_lines="$(printf '%s\n' $spec_fns)"
  for src in "${impls[@]}"; do
    for fn in $spec_fns; do
      if ! grep -Eq "\\b$fn[[:space:]]*\\(" "$src"; then
        echo "$task: $(basename "$src") does not call $fn"; status=1
      fi
    done
  done
  # source-level: with -O0 -fno-builtin every call in the object is a call written in the source, and the set
  # must be exactly the SPEC list (glibc redirects scanf/sscanf to __isoc99_*)
  printf '%s\n' $spec_fns | sed -E 's/^(scanf|sscanf)$/__isoc99_\1/' | sort -u >"$TMP/$task.spec"
  spec_ok=1
  for src in "${impls[@]}"; do
    k="$(basename "$src" .c)"
    if (cd "$dir" && gcc "${FLAGS[@]}" -O0 -fno-builtin -c -o "$TMP/$task-$k.o" "$k.c") 2>/dev/null; then
      nm -u "$TMP/$task-$k.o" | awk '{print $NF}' | grep -Ev '^(stdin|stdout|stderr)$' | sort -u >"$TMP/$task-$k.calls"
      if ! cmp -s "$TMP/$task.spec" "$TMP/$task-$k.calls"; then
        spec_ok=0; status=1
        echo "    $k calls: $(tr '\n' ' ' <"$TMP/$task-$k.calls")"
      fi
    else
      spec_ok=0; status=1; echo "    $k: COMPILE-FAIL"
    fi
  done
  if [ $spec_ok = 1 ]; then
    printf '%-22s %-12s %-3s OK   %s\n' "$task" "spec" "src" "$(tr '\n' ' ' <"$TMP/$task.spec" | sed 's/ $//')"
  else
    printf '%-22s %-12s %-3s DIFF (spec: %s)\n' "$task" "spec" "src" "$(tr '\n' ' ' <"$TMP/$task.spec" | sed 's/ $//')"
  fi
  for cfg in "${CONFIGS[@]}"; do
    IFS='|' read -r name cc nmcmd levels <<<"$cfg"
    command -v "$cc" >/dev/null 2>&1 || { printf '%-22s %-12s SKIP (no %s)\n' "$task" "$name" "$cc"; continue; }
    for opt in $levels; do
      ok=1; first=""; report=""
      for src in "${impls[@]}"; do
        k="$(basename "$src" .c)"
        out="$TMP/$task-$name-$opt-$k"
        [ "$nmcmd" = PE ] && out="$out.exe"
        if ! (cd "$dir" && "$cc" "${FLAGS[@]}" "-$opt" -o "$out" "$(basename "$src")") 2>"$out.log"; then
          report+=" $k:COMPILE-FAIL"; ok=0; cat "$out.log" >&2; continue
        fi
        syms="$TMP/$task-$name-$opt-$k.syms"
        if [ "$nmcmd" = PE ]; then pe_imports "$out" >"$syms"; else elf_imports "$nmcmd" "$out" >"$syms"; fi
        if [ -z "$first" ]; then first="$syms"; elif ! cmp -s "$first" "$syms"; then ok=0; fi
      done
      if [ $ok = 1 ]; then
        if [ "$nmcmd" = PE ]; then
          # the mingw start-up code imports a few dozen msvcrt/KERNEL32 names; show only the C library ones
          printf '%-22s %-12s %-3s OK   (%d imports incl. CRT start-up) %s\n' "$task" "$name" "$opt" \
            "$(wc -l <"$first")" "$(grep -Fxf - "$first" <<<"$spec_fns_lines" | tr '\n' ' ' | sed 's/ $//')"
        else
          printf '%-22s %-12s %-3s OK   %s\n' "$task" "$name" "$opt" "$(tr '\n' ' ' <"$first" | sed 's/ $//')"
        fi
      else
        status=1
        printf '%-22s %-12s %-3s DIFF%s\n' "$task" "$name" "$opt" "$report"
        for s in "$TMP/$task-$name-$opt-"impl_*.syms; do
          k="$(basename "$s" .syms)"; k="${k##*-}"
          # symbols not present in every impl
          extra="$(cat "$TMP/$task-$name-$opt-"impl_*.syms | sort | uniq -c | awk -v n="${#impls[@]}" '$1<n {print $2}' | grep -Fxf - "$s" | tr '\n' ' ')"
          [ -n "$extra" ] && printf '    %-7s also imports: %s\n' "$k" "$extra"
        done
      fi
    done
  done
done
exit $status
