/**
 * The unit tier: plain jest on nodes/, credentials/ and the probe's report, compiled by ts-jest
 * straight from source; n8n's context and request helper, where a module needs them, are plain
 * functions. No build, no network, no sandbox, no n8n engine: seconds. Stryker runs this tier.
 *
 *   npm run test:unit
 *
 * `npm test` runs these files too (jest.config.js includes test/unit).
 */
/** @type {import('jest').Config} */
module.exports = {
	displayName: 'unit',
	testEnvironment: 'node',
	// The sources are roots too, so that `--findRelatedTests` (Stryker's per-mutant test choice)
	// follows imports through them: a test reaches client.ts through itemRun.ts.
	roots: ['<rootDir>/test/unit', '<rootDir>/nodes', '<rootDir>/tooling'],
	testMatch: ['**/*.test.ts'],
	// The pure modules use n8n-workflow's error classes and `sleep` only (test/setup/n8n-workflow-unit.js).
	moduleNameMapper: {
		'^n8n-workflow$': '<rootDir>/test/setup/n8n-workflow-unit.js',
	},
	transform: {
		// tsconfig.dev.json sets isolatedModules, so ts-jest only transpiles: types are `npm run typecheck`'s job.
		'^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.dev.json' }],
	},
};
