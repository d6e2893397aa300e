#!/bin/sh
# Install the Debian 12 packages fengong needs to build, run or test, only when missing.
# usage: scripts/install-deps.sh build|test|bench
set -eu
what=${1:-build}
pkgs="cmake make gcc pkg-config libutf8proc-dev libjansson-dev libsqlite3-dev nettle-dev libigraph-dev libgraphviz-dev libxml2-dev libzip-dev libpoppler-glib-dev libgsf-1-dev libxlsxwriter-dev graphviz fonts-noto-cjk"
case "$what" in
    build) ;;
    test)  pkgs="$pkgs libcmocka-dev python3 python3-networkx python3-numpy python3-scipy python3-igraph python3-openpyxl python3-docx python3-cairo qpdf sqlite3 chromium" ;;
    bench) pkgs="$pkgs libcmocka-dev python3 python3-networkx python3-numpy python3-scipy python3-igraph python3-docx python3-cairo" ;;
    *) echo "usage: $0 build|test|bench" >&2; exit 2 ;;
esac
missing=""
for p in $pkgs; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $p"
    fi
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
    echo "install-deps: missing Debian packages:$missing (run as root or install them)" >&2
    exit 1
fi
echo "install-deps: installing$missing" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# shellcheck disable=SC2086
apt-get install -y -qq --no-install-recommends $missing >&2
