#!/bin/sh
# CLI golden tests: run the real relgraph binary on each case of cases/ and
# compare what it prints and returns with the expected files.
#
# A case is a directory of cases/ or hostile/ (bad and strange inputs)
# holding `args` (arguments to relgraph) or `cmd` (a shell snippet, for
# cases of several steps), and the expected `stdout`, `stderr` and `status`
# (a missing file means empty output, status 0). A `skip` file holds a shell
# condition under which the case cannot run (it is counted as skipped, and
# its comment lines, "# why", are printed with it). Each
# case runs in a new temporary directory with $RELGRAPH (the binary),
# $FIXTURES (tests/cli/fixtures) and $DATA (data/) set.
#
#   sh tests/cli/run.sh BUILD/relgraph [CASE ...]
#   UPDATE=1 sh tests/cli/run.sh BUILD/relgraph CASE   # rewrite expectations
set -eu
LC_ALL=C
export LC_ALL

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
bin=$1
shift
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
RELGRAPH=$bin
FIXTURES=$here/fixtures
DATA=$top/data
export RELGRAPH FIXTURES DATA

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM
# snapshots of big graph files go here, not to the user's cache
RELGRAPH_CACHE_DIR=$work/cache
export RELGRAPH_CACHE_DIR

if [ $# -eq 0 ]; then
    set -- $(cd "$here" && ls -d cases/* hostile/*)
fi

passed=0
failed=0
skipped=0
for name in "$@"; do
    case $name in */*) ;; *) [ -d "$here/cases/$name" ] && name=cases/$name || name=hostile/$name ;; esac
    case_dir=$here/$name
    if [ -f "$case_dir/skip" ] && (cd "$work" && RELGRAPH=$RELGRAPH sh -c "$(cat "$case_dir/skip")") >/dev/null 2>&1; then
        skipped=$((skipped + 1))
        # the skip file's comment lines say why
        why=$(sed -n 's/^# *//p' "$case_dir/skip" | tr '\n' ' ' | sed 's/ *$//')
        echo "skip $name${why:+: $why}"
        continue
    fi
    name=$(echo "$name" | tr / -)
    run_dir=$work/$name
    mkdir -p "$run_dir"
    if [ -f "$case_dir/cmd" ]; then
        script=$(cat "$case_dir/cmd")
    else
        script="\"\$RELGRAPH\" $(cat "$case_dir/args")"
    fi
    set +e
    (cd "$run_dir" && sh -c "$script") >"$work/$name.out" 2>"$work/$name.err" </dev/null
    status=$?
    set -e
    # Paths of this checkout would differ in another clone: name them.
    for ext in out err; do
        sed -e "s|$FIXTURES|\$FIXTURES|g" -e "s|$top|\$TOP|g" "$work/$name.$ext" >"$work/$name.tmp"
        mv "$work/$name.tmp" "$work/$name.$ext"
    done
    echo "$status" >"$work/$name.status"
    if [ "${UPDATE:-}" = 1 ]; then
        for part in stdout stderr status; do
            ext=$part
            [ "$part" = stdout ] && ext=out
            [ "$part" = stderr ] && ext=err
            if [ -s "$work/$name.$ext" ] && ! { [ "$part" = status ] && [ "$status" = 0 ]; }; then
                cp "$work/$name.$ext" "$case_dir/$part"
            else
                rm -f "$case_dir/$part"
            fi
        done
    fi
    ok=1
    for part in stdout stderr status; do
        ext=$part
        [ "$part" = stdout ] && ext=out
        [ "$part" = stderr ] && ext=err
        expected=$case_dir/$part
        if [ -f "$expected" ]; then
            diff -u "$expected" "$work/$name.$ext" >"$work/$name.diff" 2>&1 || ok=0
        elif [ "$part" = status ]; then
            [ "$status" = 0 ] || { echo "exit status $status, expected 0" >"$work/$name.diff"; ok=0; }
        else
            [ ! -s "$work/$name.$ext" ] || { diff -u /dev/null "$work/$name.$ext" >"$work/$name.diff" || true; ok=0; }
        fi
        if [ $ok = 0 ]; then
            echo "FAIL $name ($part)"
            sed 's/^/    /' "$work/$name.diff" | head -40
            break
        fi
    done
    if [ $ok = 1 ]; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
    fi
done
echo "cli: $passed passed, $failed failed, $skipped skipped"
[ "$failed" = 0 ]
