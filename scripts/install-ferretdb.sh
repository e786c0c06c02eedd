#!/usr/bin/env bash
# Builds FerretDB 1.x (MongoDB wire protocol over SQLite) into .tools/bin/ferretdb.
# Used as the embedded development database and as the test database.
#
# `go install …@version` fails on some module proxies (it asks for the module's version list to
# check for deprecations), and FerretDB refuses to start without build/version/version.txt, which
# its release tooling normally generates. So this builds from a vendored copy of the module and
# writes that file before compiling.
#
# One line of FerretDB is patched: its SQLite backend looks documents up by `_id` with the SQL
# expression `_ferretdb_sjson->'$._id'`, but builds the unique `_id` index on
# `_ferretdb_sjson->"_id"`. SQLite only uses an index whose expression matches the query's, so
# every lookup by `_id` scanned the whole table (about 0.1 s per lookup near the end of a
# 20,000-document collection; EXPLAIN QUERY PLAN says SCAN). Both expressions mean the same
# thing, so the query is made to use the index's form and becomes an index search.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BIN_DIR="$ROOT/.tools/bin"
BIN="$BIN_DIR/ferretdb"
WORK="$ROOT/.tools/ferretdb-build"
STAMP="$BIN_DIR/ferretdb.build"
BUILD_ID="id-index-patch-1"
VERSIONS=("${FERRETDB_VERSION:-v1.24.2}" v1.24.1)

if [[ -x "$BIN" ]] && "$BIN" --version 2>/dev/null | grep -q '^version: v1\.'; then
  if [[ "$(cat "$STAMP" 2>/dev/null)" == "$BUILD_ID" ]]; then
    echo "FerretDB already installed: $("$BIN" --version | head -1) at $BIN"
    exit 0
  fi
  echo "FerretDB at $BIN was built without the _id index patch; rebuilding it"
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
  METADATA="$WORK/vendor/github.com/FerretDB/FerretDB/internal/backends/sqlite/metadata/metadata.go"
  sed -i.orig "s|IDColumn = DefaultColumn + \"->'\$._id'\"|IDColumn = DefaultColumn + \"->'_id'\"|" "$METADATA"
  if cmp -s "$METADATA" "$METADATA.orig"; then
    echo "warning: the _id index patch did not apply to FerretDB $version; lookups by _id will scan whole tables" >&2
  else
    echo "      patched: SQLite lookups by _id use the _id index"
  fi
  rm -f "$METADATA.orig"
  echo "[4/4] Compiling (this is the slow step)"
  (cd "$WORK" && go build -mod=vendor -trimpath -o "$BIN" github.com/FerretDB/FerretDB/cmd/ferretdb)
  rm -rf "$WORK"
  echo "$BUILD_ID" >"$STAMP"
  echo "FerretDB installed: $("$BIN" --version | head -1) at $BIN"
  exit 0
done

echo "Could not build FerretDB (tried ${VERSIONS[*]}). Set MONGODB_URI to an existing MongoDB server instead." >&2
exit 1
