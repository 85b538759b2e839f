/**
 * The unit tier: pure parts of the node (no engine, no sandbox, no HTTP), fast.
 *   npm run test:unit
 */
const base = require('./jest.config');

/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: base.testEnvironment,
	transform: base.transform,
	displayName: 'unit',
	roots: ['<rootDir>/test/unit'],
	testMatch: ['**/*.test.ts'],
};
