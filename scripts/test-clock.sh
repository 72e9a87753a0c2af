#!/usr/bin/env bash
# The unit and service tests at the moments a date taken in the wrong zone, or a day or year that
# ends at midnight UTC rather than Beijing's, goes wrong: New Year's Eve at 23:57 in Beijing (15:57
# UTC, still the old year) and New Year's Day at 00:10 (16:10 UTC on the 31st, the old year in
# UTC). The clock is faked with libfaketime (`apt-get install faketime`) and keeps running.
# Arguments go to vitest (a file or a filter). Not part of `npm test`: it takes two runs of the suite.
set -uo pipefail
cd "$(dirname "$0")/.."
if ! command -v faketime >/dev/null 2>&1; then
	echo "test:clock needs libfaketime: apt-get install faketime" >&2
	exit 2
fi
year=$(date -u +%Y)
failed=0
for at in "$year-12-31 15:57:00" "$year-12-31 16:10:00"; do
	echo "── unit and service tests at $at UTC"
	faketime "$at" npx vitest run "$@" || failed=1
done
exit $failed
