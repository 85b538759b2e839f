/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.dev.json' }],
	},
	// InstanceSettings from n8n-core writes into the user folder; keep it out of $HOME.
	globalSetup: '<rootDir>/test/setup/global-setup.js',
	setupFiles: ['<rootDir>/test/setup/env.js'],
	testTimeout: 60000,
};
