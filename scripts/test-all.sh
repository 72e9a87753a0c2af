#!/usr/bin/env bash
# Every check the project has: unit and service tests (the app built beside them), then end-to-end
# tests in Chromium with the static checks beside them (formatting and lint, types, @xuefa/core as an
# installed package and its API reference).
# Ends with "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p reports
rm -f reports/unit.json reports/e2e.json reports/e2e-2.json reports/e2e-no-laws.json

passed=0
failed=0
timed() { # label: how long the run has taken so far, so a slow CI says where its time went
	echo "   ($1 at $SECONDS s)"
}

# Generated code (messages, SvelteKit's types) is written once, first, so that nothing below rewrites
# a file another step is reading.
# (the strategy as vite.config.ts gives it: the app is built from this compile)
npx paraglide-js compile --project ./project.inlang --outdir ./src/lib/paraglide --silent \
	--strategy cookie baseLocale
npx svelte-kit sync
export XUEFA_MESSAGES_COMPILED=1
logs=$(mktemp -d)
names=()
pids=()
lane() { # name, command…: a check that counts as one test, run in the background
	names+=("$1")
	(
		shift
		start=$SECONDS
		nice -n 10 "$@"
		status=$?
		echo "   ($((SECONDS - start)) s)"
		exit $status
	) >"$logs/${#names[@]}.log" 2>&1 &
	pids+=($!)
}

# Lint (typed rules: the longest of the static checks, about two minutes of one core) starts first,
# niced: it takes what the unit tests and the build leave idle, and no longer ends after the
# end-to-end tests, which since they run in two shards leave it little.
lane "lint" npm run --silent lint

# the app is built for the end-to-end tests while the unit tests run (each leaves a core free often)
npm run --silent build >reports/build.log 2>&1 &
build_pid=$!

echo "── unit and service tests"
# Vitest keeps a core for itself and runs one worker fewer than the cores: one worker on a 2-core
# machine, which left the second core to the build, then to lint (niced), and the unit tests the
# run's longest step before the end-to-end tests. A worker per core shares both with the build.
npx vitest run --maxWorkers="$(node -p 'require("node:os").availableParallelism()')" --reporter=default --reporter=json --outputFile.json=reports/unit.json
unit_status=$?
timed "unit and service tests done"

# The static checks each use about one core and the end-to-end tests leave one mostly idle (they
# wait on the browser and the server's timers): the checks run side by side with them, each into its
# own log, shown in order once the end-to-end tests are done. They run niced: the end-to-end tests
# are the longest path, and at equal priority three checks at once slowed every test by a tenth;
# niced, the checks take the time the tests leave idle.
lane "messages in both languages" node scripts/messages.mjs check
lane "types" sh -c 'npx svelte-check --tsconfig ./tsconfig.json --fail-on-warnings && npx tsc -p packages/core'
# both build packages/core's dist: one after the other
lane "@xuefa/core packed, installed and imported; API reference, every export documented" \
	sh -c 'node scripts/check-package.mjs && npm run --silent docs'

# Niced, lint took only what the end-to-end tests left idle, and ended minutes after them on a
# slow machine (the run's tail). Once the unit tests and the build are done it runs at the tests'
# priority: it ends well before them, which it slows a little. (Raising a priority needs root, as
# CI has; elsewhere lint stays niced.)
descendants() { # pid: every process below it
	local child
	for child in $(pgrep -P "$1" 2>/dev/null); do
		echo "$child"
		descendants "$child"
	done
}
renice -n 0 -p $(descendants "${pids[0]}") >/dev/null 2>&1 || true

echo "── end-to-end tests"
no_laws_status=0
if wait "$build_pid"; then
	timed "app built"
	# A fresh clone has no statutes beside it (../shared/data/laws): the statute specs must pass
	# without them too. When this run has them, those specs run again with an empty statutes folder,
	# beside the main run (their own port, database and results; they take well under a minute).
	laws_dir=${XUEFA_LAWS_DIR:-../shared/data/laws}
	if ls "$laws_dir"/*.md >/dev/null 2>&1; then
		empty_laws=$(mktemp -d)
		no_laws_log=$(mktemp)
		XUEFA_LAWS_DIR=$empty_laws E2E_PREBUILT=1 E2E_REPORT=reports/e2e-no-laws.json CI=1 \
			E2E_PORT=$((${E2E_PORT:-4317} + 1)) E2E_TMP=tests/.tmp-no-laws E2E_OUTPUT=test-results-no-laws \
			npx playwright test tests/laws.spec.ts >"$no_laws_log" 2>&1 &
		no_laws_pid=$!
	fi
	# The suite runs as two shards side by side, each against its own server and demo database (so
	# no test sees another's data): the tests mostly wait on the browser and the server, and one
	# shard alone left a core idle for most of its ten minutes. The first shard is these files, the
	# second every other (a new spec lands there): Playwright's --shard splits by count of tests, and
	# left 480 s of tests in one shard and 300 s in the other (these files took 435 s, the others 440 s, in December 2026).
	first=(exams-monitor exams accounts banks hr-cases laws audit imports api-tokens keyboard accessibility-organiser
		certificate-settings grading)
	first_specs=()
	second_specs=()
	for spec in tests/*.spec.ts; do
		name=$(basename "$spec" .spec.ts)
		if [[ " ${first[*]} " == *" $name "* ]]; then first_specs+=("$spec"); else second_specs+=("$spec"); fi
	done
	shard_log=$(mktemp)
	CI=1 E2E_PREBUILT=1 E2E_PORT=$((${E2E_PORT:-4317} + 2)) E2E_TMP=tests/.tmp-shard-2 \
		E2E_OUTPUT=test-results-shard-2 E2E_REPORT=reports/e2e-2.json \
		npx playwright test "${second_specs[@]}" >"$shard_log" 2>&1 &
	shard_pid=$!
	CI=1 E2E_PREBUILT=1 npx playwright test "${first_specs[@]}"
	e2e_status=$?
	wait "$shard_pid"
	shard_status=$?
	echo "── end-to-end tests, second shard"
	cat "$shard_log"
	rm -f "$shard_log"
else
	cat reports/build.log
	echo "✗ the app did not build"
	e2e_status=1
fi
timed "end-to-end tests done"

for i in "${!names[@]}"; do
	wait "${pids[$i]}"
	status=$?
	echo "── ${names[$i]}"
	cat "$logs/$((i + 1)).log"
	if [ "$status" -eq 0 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "✗ ${names[$i]} failed"; fi
done
rm -rf "$logs"
timed "static checks done"

if [ -n "${no_laws_pid:-}" ]; then
	echo "── statute end-to-end tests without statutes"
	wait "$no_laws_pid"
	no_laws_status=$?
	cat "$no_laws_log"
	rm -rf "$empty_laws" "$no_laws_log"
	timed "statute tests without statutes done"
fi

read -r up uf < <(node -e '
	const fs = require("fs");
	try { const r = JSON.parse(fs.readFileSync("reports/unit.json", "utf8"));
		console.log(r.numPassedTests, r.numFailedTests + (r.numTotalTestSuites && r.success === false && r.numFailedTests === 0 ? 1 : 0));
	} catch { console.log(0, 1); }')
e2e_counts() { # report file: "passed failed" of a Playwright JSON report
	node -e '
	const fs = require("fs");
	try { const s = JSON.parse(fs.readFileSync(process.argv[1], "utf8")).stats;
		console.log(s.expected + s.flaky, s.unexpected + (s.expected + s.unexpected === 0 ? 1 : 0));
	} catch { console.log(0, 1); }' "$1"
}
read -r ep ef < <(e2e_counts reports/e2e.json)
read -r sp sf < <(e2e_counts reports/e2e-2.json)
np=0
nf=0
[ -n "${empty_laws:-}" ] && read -r np nf < <(e2e_counts reports/e2e-no-laws.json)
# a runner that failed without reporting a failed test (crash, no tests) still counts as a failure
[ "$unit_status" -ne 0 ] && [ "$uf" -eq 0 ] && uf=1
[ "$e2e_status" -ne 0 ] && [ "$ef" -eq 0 ] && ef=1
[ "${shard_status:-1}" -ne 0 ] && [ "$sf" -eq 0 ] && sf=1
[ "$no_laws_status" -ne 0 ] && [ "$nf" -eq 0 ] && nf=1

passed=$((passed + up + ep + sp + np))
failed=$((failed + uf + ef + sf + nf))
echo
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
