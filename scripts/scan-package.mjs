// Runs n8n's community-package scanner (the check n8n applies before verifying a package) on a
// local folder. Usage: node scripts/scan-package.mjs <folder> [glob …]; prints the JSON result.
import path from 'node:path';

import { analyzePackage } from '@n8n/scan-community-package/scanner/scanner.mjs';

const [folder, ...patterns] = process.argv.slice(2);
const result = await analyzePackage(
	path.resolve(folder),
	patterns.length > 0 ? patterns : undefined,
);
console.log(JSON.stringify(result));
process.exit(result.passed ? 0 : 1);
