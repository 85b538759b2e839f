// Loads n8n-core and n8n-workflow of the n8n 1.x line (.cache/engine-1x, scripts/engine-1x/install.sh)
// wherever they are required from, as jest.engine-1x.config.js maps them for the engine tests.
//   node -r ./bench/engine-1x-hook.js ...
const Module = require('node:module');
const path = require('node:path');

const ENGINE_DIR = path.resolve(__dirname, '..', '.cache', 'engine-1x', 'node_modules');
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
	const mapped = /^(n8n-core|n8n-workflow)(\/|$)/.test(request)
		? path.join(ENGINE_DIR, request)
		: request;
	return resolve.call(this, mapped, ...rest);
};
