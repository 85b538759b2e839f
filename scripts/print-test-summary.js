// Prints the totals of one or more jest JSON result files as one plain line
// ("N passed, N failed, N skipped") for CI logs; exits non-zero on failure or when nothing ran.
const fs = require('node:fs');

const totals = { passed: 0, failed: 0, skipped: 0, success: true };
for (const file of process.argv.slice(2)) {
	const results = JSON.parse(fs.readFileSync(file, 'utf8'));
	totals.passed += results.numPassedTests;
	totals.failed += results.numFailedTests;
	totals.skipped += results.numPendingTests;
	totals.success &&= results.success;
}
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
if (totals.passed + totals.failed === 0) {
	console.error('No test ran.');
	process.exit(1);
}
process.exit(totals.success ? 0 : 1);
