#!/usr/bin/env bash
# Install the peers of the source-code benchmark (idempotent; safe to run again).
#   copydetect  -> into the project's venv (.venv), pinned in benchmarks/code/requirements.txt
#   Dolos       -> benchmarks/code/peers/dolos/node_modules (pinned in package.json / package-lock.json)
#   /usr/bin/time (Debian package "time") for speed.py's wall time and peak memory
# Usage: bash benchmarks/code/peers/setup.sh        (from the repository root or anywhere)
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../../.." && pwd)"
PY="${PYTHON:-$ROOT/.venv/bin/python}"
DOLOS="$HERE/dolos"

say() { printf '[peers/setup] %s\n' "$*"; }

apt_install() {
  # apt_install PACKAGE...: install Debian packages when we may (root), else explain.
  if [ "$(id -u)" -ne 0 ]; then
    say "missing $*: install with: sudo apt-get install -y $*"; return 1
  fi
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@"
}

# --- Python peer: copydetect ------------------------------------------------------------
if [ ! -x "$PY" ]; then
  say "no Python at $PY (create the venv first: make install, or set PYTHON=...)"; exit 1
fi
"$PY" -m pip install --quiet --disable-pip-version-check -r "$ROOT/benchmarks/code/requirements.txt"
say "copydetect $("$PY" -c 'from importlib.metadata import version; print(version("copydetect"))')"

# --- /usr/bin/time ------------------------------------------------------------------------
[ -x /usr/bin/time ] || apt_install time || true

# --- Node peer: Dolos -----------------------------------------------------------------------
command -v node >/dev/null && command -v npm >/dev/null || apt_install nodejs npm
NPM_FLAGS=(--no-audit --no-fund)
# Build native addons against the system's Node headers (no download) when they are there.
[ -d /usr/include/node ] && NPM_FLAGS+=(--nodedir=/usr)

smoke_test() {
  # Score one Python and one Java pair: loads tree-sitter and two grammar addons.
  local tmp rc=0
  tmp="$(mktemp -d)"
  printf 'def f(x):\n    return x + 1\n\nprint(f(2))\n' > "$tmp/a.py"
  printf 'def g(y):\n    return y + 1\n\nprint(g(3))\n' > "$tmp/b.py"
  printf 'class A { int f(int x) { return x + 1; } }\n' > "$tmp/A.java"
  printf 'class B { int g(int y) { return y + 1; } }\n' > "$tmp/B.java"
  printf 'a,b\na.py,b.py\nA.java,B.java\n' > "$tmp/pairs.csv"
  (cd "$DOLOS" && node dolos_pairs.mjs pairs "$tmp/pairs.csv") > "$tmp/out.jsonl" 2> "$tmp/err" || rc=$?
  if [ "$rc" -eq 0 ] && [ "$(grep -c '"similarity"' "$tmp/out.jsonl")" -eq 2 ]; then rc=0; else rc=1; cat "$tmp/err" >&2; fi
  rm -rf "$tmp"
  return "$rc"
}

cd "$DOLOS"
if [ -d node_modules/@dodona/dolos-lib ] && smoke_test; then
  say "Dolos already installed and working"
else
  if [ -f package-lock.json ]; then
    npm ci "${NPM_FLAGS[@]}"
  else
    npm install "${NPM_FLAGS[@]}"
  fi
  if ! smoke_test; then
    say "Dolos' tree-sitter addons do not load: rebuilding them from source"
    npm rebuild --build-from-source "${NPM_FLAGS[@]}" tree-sitter @dodona/dolos-parsers tree-sitter-compat
    smoke_test || { say "Dolos still does not run (see the error above)"; exit 1; }
  fi
  say "Dolos installed"
fi
say "dolos-lib $(node -p 'require("./node_modules/@dodona/dolos-lib/package.json").version') on Node $(node --version)"
