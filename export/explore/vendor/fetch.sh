#!/bin/sh
# Re-fetch the graph library the explorer draws with, at its pinned version,
# from the npm registry: its minified file and its licence, as committed
# here (the build never runs this, and needs no network).
#   sh export/explore/vendor/fetch.sh
set -eu
version=3.35.0
dir=$(dirname "$0")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent "cytoscape@$version" >/dev/null && tar xzf "cytoscape-$version.tgz")
cp "$tmp/package/dist/cytoscape.min.js" "$dir/cytoscape.min.js"
cp "$tmp/package/LICENSE" "$dir/cytoscape.LICENSE"
# the page inlines the file in a <script> element: it must not close it
if grep -qi '</script' "$dir/cytoscape.min.js"; then
    echo "fetch.sh: cytoscape.min.js contains </script: it cannot be inlined" >&2
    exit 1
fi
echo "cytoscape $version: $(wc -c <"$dir/cytoscape.min.js") bytes in $dir/cytoscape.min.js"
