# Shared by the benchmark scripts (sourced). bench_tools NAME BUILD_DIR: $fg becomes the
# absolute path of BUILD_DIR/fengong; exits 1 with a message naming NAME when it is not
# built or when /usr/bin/time (which measures wall time and peak RSS) is missing.
bench_tools() {
    fg=$(cd "$2" 2>/dev/null && pwd)/fengong
    if [ ! -x "$fg" ]; then
        echo "$1: no fengong in $2 (make build first)" >&2
        exit 1
    fi
    if [ ! -x /usr/bin/time ]; then
        echo "$1: /usr/bin/time is required (apt-get install time)" >&2
        exit 1
    fi
}
