/**
 * n8n-workflow as the unit tier loads it (jest.unit.config.js): the pure modules need only its
 * error classes, `sleep` and the credential's domain restrictions, so those parts are loaded
 * instead of its whole index (expression engine, luxon, …), a fraction of the time.
 */
const path = require('node:path');

const dist = path.join(path.dirname(require.resolve('n8n-workflow/package.json')), 'dist', 'cjs');
module.exports = {
	...require(path.join(dist, 'errors', 'index.js')),
	sleep: require(path.join(dist, 'utils.js')).sleep,
	getCredentialAllowedDomains: require(path.join(dist, 'credential-domain-restrictions.js'))
		.getCredentialAllowedDomains,
};
