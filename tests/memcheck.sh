#!/bin/sh
# The CLI cases under valgrind: every run of relgraph must end without a
# memory error and without a definite leak of its own. valgrind's report of
# each run goes to a log; a run with errors prints one line the golden files
# do not have, so the case fails.
#   sh tests/memcheck.sh BUILD/relgraph
set -eu
here=$(cd "$(dirname "$0")" && pwd)
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
logs=$(mktemp -d)
wrapper=$logs/relgraph-under-valgrind
cat >"$wrapper" <<EOT
#!/bin/sh
log=\$(mktemp "$logs/run-XXXXXX")
valgrind --quiet --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \\
  --suppressions="$here/valgrind.supp" --log-file="\$log" "$bin" "\$@"
status=\$?
if [ \$status = 99 ]; then echo "valgrind: memory errors, see \$log" >&2; fi
exit \$status
EOT
chmod +x "$wrapper"
MEMCHECK=1 LC_ALL=C sh "$here/cli/run.sh" "$wrapper"
