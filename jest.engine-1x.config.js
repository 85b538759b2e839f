/**
 * The engine tests (test/engine) on the n8n 1.x line: n8n-core 1.122.28 + n8n-workflow 1.120.14,
 * installed by scripts/engine-1x/install.sh into .cache/engine-1x/ (git-ignored).
 *
 *   bash scripts/engine-1x/install.sh && npm run build && npx jest -c jest.engine-1x.config.js
 *
 * moduleNameMapper sends every `n8n-core` and `n8n-workflow` require to the 1.x copies: the tests,
 * the helpers, the built node in dist/ (loaded through jest's module system) and n8n-core itself.
 * So there is exactly one n8n-workflow in the run, and `instanceof NodeApiError` holds between
 * the node and the engine. test/engine/engine-line.test.ts fails when the line is not the one
 * declared here. Types still come from the 2.x devDependencies (ts-jest type-checks against them).
 */
const fs = require('node:fs');
const path = require('node:path');

const base = require('./jest.config');

const ENGINE_DIR = path.join(__dirname, '.cache', 'engine-1x', 'node_modules');
const LINE = { line: '1.x', 'n8n-core': '1.122.28', 'n8n-workflow': '1.120.14' };

for (const name of ['n8n-core', 'n8n-workflow']) {
	const manifest = path.join(ENGINE_DIR, name, 'package.json');
	const version = fs.existsSync(manifest)
		? JSON.parse(fs.readFileSync(manifest, 'utf8')).version
		: undefined;
	if (version !== LINE[name]) {
		throw new Error(
			`${name}@${LINE[name]} is not installed in ${ENGINE_DIR} (found ${version ?? 'nothing'}): run bash scripts/engine-1x/install.sh`,
		);
	}
}

/** @type {import('jest').Config} */
module.exports = {
	...base,
	displayName: 'engine n8n 1.x',
	// test/engine/engine-line.test.ts asserts that the run really is on this line.
	globals: { ...base.globals, MYPIT_ENGINE_LINE: LINE },
	roots: ['<rootDir>/test/engine'],
	moduleNameMapper: {
		...base.moduleNameMapper,
		'^(n8n-core|n8n-workflow)$': `${ENGINE_DIR}/$1`,
		'^(n8n-core|n8n-workflow)/(.*)$': `${ENGINE_DIR}/$1/$2`,
	},
	// n8n-core 1.x leaves a timer running after each test file; this stops it.
	setupFilesAfterEnv: [...(base.setupFilesAfterEnv ?? []), '<rootDir>/test/setup/engine-1x.ts'],
};
