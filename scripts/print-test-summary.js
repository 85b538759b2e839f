// Prints jest's totals as one plain line ("N passed, N failed, N skipped") for CI logs.
const fs = require('node:fs');

const file = process.argv[2];
const results = JSON.parse(fs.readFileSync(file, 'utf8'));
const line = `${results.numPassedTests} passed, ${results.numFailedTests} failed, ${results.numPendingTests} skipped`;
console.log(`tests: ${line}`);
if (results.numTotalTests === 0) {
	console.error('No test ran.');
	process.exit(1);
}
process.exit(results.success ? 0 : 1);
