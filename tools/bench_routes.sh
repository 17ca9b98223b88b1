#!/bin/sh
# Route annealing on the library instances: length, gap to the proven optimum and time per
# instance, for one or more seeds, through the Rust example and through the CLI.
#   tools/bench_routes.sh [SEED...]        (from the repository root)
# The instances are the repository's copies under testdata/ (TSPLIB, CVRPLIB: freely
# distributed for research). No reference solver is run side by side: the yardstick is
# the published optimum (berlin52 7542, eil51 426, st70 675, A-n32-k5 784).
set -e
cargo build --release -p shoplens-cli -p shoplens-core --example bench_routes >/dev/null
target/release/examples/bench_routes "${@:-42}"
echo
echo "CLI (user CPU seconds, default seed):"
for f in testdata/tsplib/berlin52.tsp testdata/tsplib/eil51.tsp testdata/tsplib/st70.tsp testdata/cvrp/A-n32-k5.vrp; do
  extra=""
  case "$f" in *.vrp) extra="--vehicles 5";; esac
  /usr/bin/time -f "  $f: %U s user, %e s wall" target/release/shoplens route "$f" $extra --json >/dev/null
done
