/**
 * The unit tier: plain jest on the pure functions of nodes/ and credentials/, compiled by ts-jest
 * straight from source. No build, no network, no sandbox, no n8n engine: seconds.
 *
 *   npm run test:unit
 *
 * `npm test` runs these files too (jest.config.js includes test/unit).
 */
/** @type {import('jest').Config} */
module.exports = {
	displayName: 'unit',
	testEnvironment: 'node',
	roots: ['<rootDir>/test/unit'],
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
