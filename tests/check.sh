#!/bin/sh
# Run every test: the check unit suites, the CLI golden cases, the shape
# check (tests/shape/), the README's examples (tests/readme/), then the
# agreement of relgraph eval with the reference scorer (tests/eval/); print
# one closing line "check: N passed, N failed, N skipped" counting them all.
#   sh tests/check.sh BUILD_DIR
set -u
build=$1
here=$(cd "$(dirname "$0")" && pwd)
# Sanitizer builds: fail on the first report; library-owned leaks suppressed.
LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$here/lsan.supp:print_suppressions=0}
UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export LSAN_OPTIONS UBSAN_OPTIONS
passed=0
failed=0
log=$(mktemp)
trap 'rm -f "$log"' EXIT INT TERM

for t in "$build"/tests/test_*; do
    case $t in *.o|*.d) continue ;; esac
    CK_FORK=yes "$t" >"$log" 2>&1
    status=$?
    cat "$log"
    # check's summary: "100%: Checks: 7, Failures: 0, Errors: 0"
    line=$(grep -E '^[0-9]+%: Checks: ' "$log" | tail -1)
    if [ -n "$line" ]; then
        n=$(echo "$line" | sed -E 's/.*Checks: ([0-9]+), Failures: ([0-9]+), Errors: ([0-9]+).*/\1 \2 \3/')
        set -- $n
        passed=$((passed + $1 - $2 - $3))
        failed=$((failed + $2 + $3))
    fi
    if [ $status -ne 0 ] && [ -z "$line" ]; then
        echo "FAIL $t (exit $status, no summary)"
        failed=$((failed + 1))
    fi
done

LC_ALL=C sh tests/cli/run.sh "$build/relgraph" >"$log" 2>&1
cat "$log"
line=$(grep -E '^cli: [0-9]+ passed, [0-9]+ failed, [0-9]+ skipped' "$log" | tail -1)
skipped=0
if [ -n "$line" ]; then
    set -- $(echo "$line" | sed -E 's/cli: ([0-9]+) passed, ([0-9]+) failed, ([0-9]+) skipped/\1 \2 \3/')
    passed=$((passed + $1))
    failed=$((failed + $2))
    skipped=$3
else
    failed=$((failed + 1))
fi

# The house's shape (function lengths, cycles between modules, stage order),
# counted as one test.
if python3 "$here/shape/check_shape.py" "$build"; then
    passed=$((passed + 1))
else
    failed=$((failed + 1))
fi

# The README's examples are what the binary prints (tests/readme/),
# counted as one test.
if python3 "$here/readme/check_examples.py" "$build/relgraph" "$here/../README.md"; then
    passed=$((passed + 1))
else
    failed=$((failed + 1))
fi

# relgraph eval counts what the reference scorer ../shared/gold/score.py
# counts, on every annotated document (tests/eval/evaluate.py), counted as
# one test; skipped, and said so on stderr, in a clone with nothing beside
# it (the scorer lives in ../shared/gold).
gold=$here/../../shared/gold
[ -f "$gold/score.py" ] || gold=$here/eval
if ! command -v python3 >/dev/null 2>&1; then
    echo "eval: skipped: no python3 to run the reference scorer" >&2
    skipped=$((skipped + 1))
else
    python3 "$here/eval/evaluate.py" --require-agreement "$build/relgraph" "$gold"
    case $? in
    0) passed=$((passed + 1)) ;;
    77) skipped=$((skipped + 1)) ;;
    *) failed=$((failed + 1)) ;;
    esac
fi

echo "check: $passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
