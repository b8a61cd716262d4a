#!/usr/bin/env bash
# The whole test suite, in the order the anchors' CI uses: format + lint, type check, schema drift,
# unit tests (against PGlite and a real PostgreSQL), browser tests. Run by `pnpm test` (README) and
# by .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n\033[1m== %s\033[0m\n' "$1"; }

step 'format and lint (biome, no warnings)'
npx biome ci --error-on-warnings .

step 'type check (tsc -b)'
npx tsc -b

step 'generated files match schemas/ (drift check)'
npx tsx packages/schema/scripts/gen-types.ts --check

step 'PostgreSQL 15 for the server tests (installed when missing)'
bash scripts/ensure-postgres.sh

step 'unit tests (vitest, every package)'
report=$(mktemp)
status=0
npx vitest run --reporter=default --reporter=json --outputFile.json="$report" || status=$?
node -e '
  const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  console.log(`\nunit: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests + r.numTodoTests} skipped`);
' "$report" || true
rm -f "$report"

step 'Chromium and a CJK font for the browser tests (installed when missing)'
bash scripts/ensure-browser.sh

step 'runtime in Chromium (Playwright, packages/runtime/e2e; SCREENSHOTS=1 also rewrites docs/screenshots)'
(cd packages/runtime && npx playwright test) || status=$?

step 'designer in Chromium (Playwright, packages/designer/e2e; SCREENSHOTS=1 also rewrites docs/screenshots/designer-*)'
(cd packages/designer && npx playwright test) || status=$?

step 'runtime app against the real server (Playwright, packages/runtime/e2e-app: offline reload, draft, submit, sync)'
(cd packages/runtime && npx playwright test -c playwright.app.config.ts) || status=$?

step 'three users journeys on PGlite and PostgreSQL, and two server processes on one PostgreSQL (Playwright, packages/e2e; figures in test-results/reliability/)'
(cd packages/e2e && npx playwright test) || status=$?

step 'reliability figures of this run (test-results/reliability/; --readme writes them into README.md)'
npx tsx scripts/reliability-report.ts || true
exit "$status"
