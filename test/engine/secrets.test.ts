/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @typescript-eslint/no-require-imports -- not shipped: n8n Cloud rules apply to nodes/ and credentials/ */
/**
 * The secret key never appears in output items, errors (message, description, cause, context),
 * run data, or anything n8n logs at debug level.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

// n8n's own logger, at debug level, into a file this test reads back. Set before n8n loads.
const LOG_FILE = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'mypit-secrets-')), 'n8n.log');
process.env.N8N_LOG_LEVEL = 'debug';
process.env.N8N_LOG_OUTPUT = 'file';
process.env.N8N_LOG_FILE_LOCATION = LOG_FILE;

import type { RunResult } from '../../tooling/engine/engine';

const SECRET = 'sk-live-7f3a9c2e-NEVER-LEAK-0b51';

/** Everything reachable from a value as text, Error internals and causes included. */
function deepText(value: unknown, seen = new Set<unknown>()): string {
	if (value === null || value === undefined) return String(value);
	if (typeof value !== 'object' && typeof value !== 'function') return String(value);
	if (seen.has(value)) return '';
	seen.add(value);
	const keys = new Set([...Object.keys(value as object), ...Object.getOwnPropertyNames(value)]);
	if (value instanceof Error)
		['message', 'stack', 'description', 'cause', 'context', 'messages'].forEach((key) =>
			keys.add(key),
		);
	return [...keys]
		.map((key) => {
			let child: unknown;
			try {
				child = (value as Record<string, unknown>)[key];
			} catch {
				return '';
			}
			return `${key}:${deepText(child, seen)}`;
		})
		.join('|');
}

const logged: string[] = [];

beforeAll(() => {
	// The root logger, as n8n's CLI creates it at start: it also becomes n8n-core's LoggerProxy.
	const { Container } = require('@n8n/di') as typeof import('@n8n/di');
	const { Logger } = require('@n8n/backend-common') as typeof import('@n8n/backend-common');
	Container.get(Logger);
	// Anything printed to the console counts as logged too.
	for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
		jest.spyOn(console, level).mockImplementation((...args: unknown[]) => {
			logged.push(args.map((arg) => deepText(arg)).join(' '));
		});
	}
});

afterAll(() => jest.restoreAllMocks());

/** The log file once n8n's file transport has written the last execution's end. */
async function readLogFile(): Promise<string> {
	for (let attempt = 0; attempt < 50; attempt++) {
		const text = fs.existsSync(LOG_FILE) ? fs.readFileSync(LOG_FILE, 'utf8') : '';
		if ((text.match(/Workflow execution finished/g) ?? []).length >= 9) return text;
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	return fs.existsSync(LOG_FILE) ? fs.readFileSync(LOG_FILE, 'utf8') : '';
}

const { useSandbox, jsonOf } = require('../helpers/fixture') as typeof import('../helpers/fixture');
const { testMyPitCredential } =
	require('../helpers/credential-test') as typeof import('../helpers/credential-test');

const sandbox = useSandbox();
const byId = (value: string) => ({ __rl: true, mode: 'id', value });

test('no output, error or log line carries the secret key, on success or failure', async () => {
	const account = sandbox.sandbox.control.createAccount({ secretKey: SECRET });
	Object.assign(sandbox.credentials, {
		clientId: account.clientId,
		secretKey: SECRET,
		userId: account.userId,
		issuerDid: account.issuerDid,
	});
	const [template] = sandbox.sandbox.control.seedTemplates(account.userId, 1);
	const holders = sandbox.sandbox.control.seedHolders(account.userId, 3);
	const control = sandbox.sandbox.control;
	const quick = { maxRetries: 1, maxRetryWait: 0.01 };

	const results: RunResult[] = [];
	const run = async (parameters: Record<string, unknown>, options = {}) => {
		const result = await sandbox.run(parameters as never, options);
		results.push(result);
		return result;
	};

	// Successes.
	await run({ resource: 'template', operation: 'get', templateId: byId(template._id) });
	await run({ resource: 'holder', operation: 'getAll', returnAll: true });
	await run({
		resource: 'badge',
		operation: 'issue',
		templateId: byId(template._id),
		holderId: byId(holders[0]._id),
	});
	// API errors, network faults, retries, input errors, with and without Continue On Fail.
	await run({ resource: 'template', operation: 'get', templateId: byId('tmpl_missing') });
	control.injectFault({ path: '/createHolder', kind: 'status', status: 500 });
	await run({
		resource: 'holder',
		operation: 'create',
		name: 'A',
		email: 'a@example.com',
		phone: '+1234',
		holderDid: 'did:ethr:0x1',
		externalHolderId: 'a',
	});
	control.injectFault({ path: '/getHolders', kind: 'drop', times: 5 });
	await run({ resource: 'holder', operation: 'getAll', options: quick });
	control.injectFault({ path: '/getHolders', kind: 'delay', delayMs: 800, times: 2 });
	await run({
		resource: 'holder',
		operation: 'getAll',
		options: quick,
		requestOptions: { timeout: 100 },
	});
	control.injectFault({ path: '/issueBadge', kind: 'truncate', afterProcessing: true });
	await run({
		resource: 'badge',
		operation: 'issue',
		templateId: byId(template._id),
		holderId: byId(holders[1]._id),
		options: quick,
	});
	await run(
		{ resource: 'holder', operation: 'get', holderId: byId('={{ $json.id }}') },
		{
			input: [{ id: holders[2]._id }, { id: '' }, { id: 'hold_missing' }],
			onError: 'continueRegularOutput',
		},
	);
	const credentialChecks = [
		await testMyPitCredential(sandbox.credentials),
		await testMyPitCredential({
			...sandbox.credentials,
			baseUrl: sandbox.sandbox.url.replace('127.0.0.1', '127.1'),
		}),
	];
	control.injectFault({ path: '/hello', kind: 'status', status: 500 });
	credentialChecks.push(await testMyPitCredential(sandbox.credentials));

	// The runs did produce outputs, errors and log lines: the check below is not vacuous.
	expect(results.filter((result) => result.error)).toHaveLength(5);
	expect(jsonOf(results[1]).length).toBe(3);
	expect(results.at(-1)?.items).toHaveLength(3);
	expect(credentialChecks.map((check) => check.status)).toEqual(['OK', 'Error', 'Error']);
	const logFile = await readLogFile();
	expect(logFile).toMatch(/Running node \\"MyPit\\" finished with error/);
	expect(logFile.split('\n').length).toBeGreaterThan(50);
	// The secret did travel, in the header, to the sandbox.
	expect(sandbox.requests().some((request) => request.headers.secretkey === SECRET)).toBe(true);

	for (const result of results) expect(deepText(result)).not.toContain(SECRET);
	expect(deepText(credentialChecks)).not.toContain(SECRET);
	expect(logFile).not.toContain(SECRET);
	expect(logged.join('\n')).not.toContain(SECRET);
});
