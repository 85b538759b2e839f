/* eslint-disable @n8n/community-nodes/no-restricted-globals, @typescript-eslint/no-require-imports -- not shipped: n8n Cloud rules apply to nodes/ and credentials/ */
import { NodeApiError } from 'n8n-workflow';

import { useSandbox } from '../helpers/fixture';

/**
 * Which n8n line these engine tests run on. jest.engine-1x.config.js declares its line in the
 * MYPIT_ENGINE_LINE global; without it (jest.config.js) the run must be on the 2.x pair pinned in
 * package.json's devDependencies. A mapping that silently fell back to the other copy fails here.
 */
interface EngineLine {
	line: string;
	'n8n-core': string;
	'n8n-workflow': string;
}

function declaredLine(): EngineLine {
	const declared = (globalThis as { MYPIT_ENGINE_LINE?: EngineLine }).MYPIT_ENGINE_LINE;
	if (declared) return declared;
	const { devDependencies } = require('../../package.json') as {
		devDependencies: Record<string, string>;
	};
	return {
		line: `${devDependencies['n8n-workflow'].split('.')[0]}.x`,
		'n8n-core': devDependencies['n8n-core'],
		'n8n-workflow': devDependencies['n8n-workflow'],
	};
}

const sandbox = useSandbox();

describe('engine line', () => {
	const line = declaredLine();

	test(`n8n-core and n8n-workflow are the declared ${line.line} pair`, () => {
		const version = (name: string) =>
			(require(`${name}/package.json`) as { version: string }).version;
		expect({ 'n8n-core': version('n8n-core'), 'n8n-workflow': version('n8n-workflow') }).toEqual({
			'n8n-core': line['n8n-core'],
			'n8n-workflow': line['n8n-workflow'],
		});
		// n8n-core's own manifest pins the n8n-workflow it is built against.
		const core = require('n8n-core/package.json') as { dependencies: Record<string, string> };
		expect(core.dependencies['n8n-workflow']).toBe(line['n8n-workflow']);
	});

	test('the node, the engine and the tests share one n8n-workflow', async () => {
		const missing = {
			resource: 'holder',
			operation: 'get',
			holderId: { __rl: true, mode: 'id', value: 'hold_missing' },
		};
		// n8n-core's RoutingNode passes on a node error only when it is ITS NodeApiError; any other
		// error it wraps anew, and the API's HTTP status becomes "none".
		const failed = await sandbox.run(missing);
		expect(failed.error?.name).toBe('NodeApiError');
		expect((failed.error as { httpCode?: string }).httpCode).toBe('404');
		// The error item keeps the live error the node built: it must be the tests' NodeApiError.
		const continued = await sandbox.run(missing, { onError: 'continueRegularOutput' });
		expect(continued.items).toHaveLength(1);
		expect(continued.items[0].error).toBeInstanceOf(NodeApiError);
	});
});
