#!/usr/bin/env bash
# Builds FerretDB 1.x (MongoDB wire protocol over SQLite) into .tools/bin/ferretdb.
# Used as the embedded development database and as the test database.
#
# `go install …@version` fails on some module proxies (it asks for the module's version list to
# check for deprecations), and FerretDB refuses to start without build/version/version.txt, which
# its release tooling normally generates. So this builds from a vendored copy of the module and
# writes that file before compiling.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BIN_DIR="$ROOT/.tools/bin"
BIN="$BIN_DIR/ferretdb"
WORK="$ROOT/.tools/ferretdb-build"
VERSIONS=("${FERRETDB_VERSION:-v1.24.2}" v1.24.1)

if [[ -x "$BIN" ]] && "$BIN" --version 2>/dev/null | grep -q '^version: v1\.'; then
  echo "FerretDB already installed: $("$BIN" --version | head -1) at $BIN"
  exit 0
fi

if ! command -v go >/dev/null 2>&1; then
  echo "Cannot build FerretDB: Go is not installed. Install Go 1.22 or newer, or set MONGODB_URI to an existing MongoDB server." >&2
  exit 1
fi

mkdir -p "$BIN_DIR"
for version in "${VERSIONS[@]}"; do
  echo "[1/4] Preparing a build of FerretDB $version in $WORK (first run only; takes a minute or two)"
  rm -rf "$WORK"
  mkdir -p "$WORK"
  cat >"$WORK/go.mod" <<GOMOD
module nextstep.local/ferretdb-build

go 1.22

require github.com/FerretDB/FerretDB $version
GOMOD
  cat >"$WORK/tools.go" <<'GOSRC'
//go:build tools

package tools

import _ "github.com/FerretDB/FerretDB/cmd/ferretdb"
GOSRC
  echo "[2/4] Downloading FerretDB $version and its dependencies from the Go module proxy"
  if ! (cd "$WORK" && GOFLAGS=-mod=mod go mod tidy); then
    echo "FerretDB $version is not available from the module proxy; trying the next version" >&2
    continue
  fi
  echo "[3/4] Vendoring sources"
  (cd "$WORK" && go mod vendor)
  echo "$version" >"$WORK/vendor/github.com/FerretDB/FerretDB/build/version/version.txt"
  echo "[4/4] Compiling (this is the slow step)"
  (cd "$WORK" && go build -mod=vendor -trimpath -o "$BIN" github.com/FerretDB/FerretDB/cmd/ferretdb)
  rm -rf "$WORK"
  echo "FerretDB installed: $("$BIN" --version | head -1) at $BIN"
  exit 0
done

echo "Could not build FerretDB (tried ${VERSIONS[*]}). Set MONGODB_URI to an existing MongoDB server instead." >&2
exit 1
