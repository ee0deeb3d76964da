// @ts-check
// web-test-runner reporter that ends the output with one plain line:
//   "<passed> passed, <failed> failed" (and ", <skipped> skipped" when any test was skipped)
// A test file that fails to load (or errors outside any test) counts as one failure.
// If CLV_TEST_SUMMARY_FILE is set (scripts/test.mjs does this), the counts are also
// written there as JSON and the line is prefixed with "browser:", since test.mjs prints
// the combined closing line itself.
import fs from 'node:fs';

/**
 * @param {import('@web/test-runner').TestSession[]} sessions
 */
export function countSessions(sessions) {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  /** @type {string[]} */
  const failedFiles = [];
  /** @param {import('@web/test-runner').TestSuiteResult} suite */
  const walk = (suite) => {
    for (const t of suite.tests ?? []) {
      if (t.skipped) skipped++;
      else if (t.passed) passed++;
      else failed++;
    }
    for (const s of suite.suites ?? []) walk(s);
  };
  for (const s of sessions) {
    const before = failed;
    if (s.testResults) walk(s.testResults);
    // A file that failed to load, timed out, or threw outside a test: one failure.
    if (s.passed === false && failed === before) failed++;
    if (s.passed === false) failedFiles.push(s.testFile);
  }
  return { passed, failed, skipped, files: sessions.length, failedFiles };
}

export function summaryReporter() {
  /** @type {string | undefined} */
  let line;
  let hooked = false;
  return {
    /** @param {import('@web/test-runner').TestRunFinishedArgs} args */
    onTestRunFinished({ sessions }) {
      const counts = countSessions(sessions);
      const out = process.env.CLV_TEST_SUMMARY_FILE;
      if (out) fs.writeFileSync(out, JSON.stringify(counts));
      line = `${out ? 'browser: ' : ''}${counts.passed} passed, ${counts.failed} failed${counts.skipped ? `, ${counts.skipped} skipped` : ''}`;
    },
    stop() {
      // The default reporter redraws its dynamic progress output up to the end, so the
      // plain line is written on exit, after everything else.
      if (hooked) return;
      hooked = true;
      process.once('exit', () => {
        if (line) process.stdout.write(`\n${line}\n`);
      });
    },
  };
}
