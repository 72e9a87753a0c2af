#!/usr/bin/env bash
# Every check the project has, in the order a reviewer would run them: formatting and lint,
# types, @xuefa/core as an installed package and its API reference, unit and service tests, end-to-end tests in Chromium.
# Ends with "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p reports
rm -f reports/unit.json reports/e2e.json

passed=0
failed=0
step() { # name, command…: a check that counts as one test
	local name=$1
	shift
	echo "── $name"
	if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "✗ $name failed"; fi
}

step "messages in both languages" node scripts/messages.mjs check
step "lint" npm run --silent lint
step "types" npm run --silent check
step "@xuefa/core packed, installed and imported" node scripts/check-package.mjs
step "API reference, every export documented" npm run --silent docs

echo "── unit and service tests"
npx vitest run --reporter=default --reporter=json --outputFile.json=reports/unit.json
unit_status=$?

echo "── end-to-end tests"
CI=1 npx playwright test
e2e_status=$?

read -r up uf < <(node -e '
	const fs = require("fs");
	try { const r = JSON.parse(fs.readFileSync("reports/unit.json", "utf8"));
		console.log(r.numPassedTests, r.numFailedTests + (r.numTotalTestSuites && r.success === false && r.numFailedTests === 0 ? 1 : 0));
	} catch { console.log(0, 1); }')
read -r ep ef < <(node -e '
	const fs = require("fs");
	try { const s = JSON.parse(fs.readFileSync("reports/e2e.json", "utf8")).stats;
		console.log(s.expected + s.flaky, s.unexpected + (s.expected + s.unexpected === 0 ? 1 : 0));
	} catch { console.log(0, 1); }')
# a runner that failed without reporting a failed test (crash, no tests) still counts as a failure
[ "$unit_status" -ne 0 ] && [ "$uf" -eq 0 ] && uf=1
[ "$e2e_status" -ne 0 ] && [ "$ef" -eq 0 ] && ef=1

passed=$((passed + up + ep))
failed=$((failed + uf + ef))
echo
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
