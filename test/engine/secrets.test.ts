/**
 * The secret key never appears in output items, errors (message, description, cause, context),
 * run data, or anything n8n logs at debug level.
 */
process.env.N8N_LOG_LEVEL = 'debug';

import type { RunResult } from '../helpers/engine';

const SECRET = 'sk-live-7f3a9c2e-NEVER-LEAK-0b51';

/** Everything reachable from a value as text, Error internals and causes included. */
function deepText(value: unknown, seen = new Set<unknown>()): string {
	if (value === null || value === undefined) return String(value);
	if (typeof value !== 'object' && typeof value !== 'function') return String(value);
	if (seen.has(value)) return '';
	seen.add(value);
	const keys = new Set([...Object.keys(value as object), ...Object.getOwnPropertyNames(value)]);
	if (value instanceof Error) ['message', 'stack', 'description', 'cause', 'context', 'messages'].forEach((key) => keys.add(key));
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
const originalWrite = { out: process.stdout.write.bind(process.stdout), err: process.stderr.write.bind(process.stderr) };

beforeAll(() => {
	const capture = (original: typeof process.stdout.write) =>
		((chunk: unknown, ...rest: unknown[]) => {
			logged.push(String(chunk));
			return (original as (...args: unknown[]) => boolean)(chunk, ...rest);
		}) as typeof process.stdout.write;
	process.stdout.write = capture(originalWrite.out);
	process.stderr.write = capture(originalWrite.err);
	for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
		jest.spyOn(console, level).mockImplementation((...args: unknown[]) => {
			logged.push(args.map((arg) => deepText(arg)).join(' '));
		});
	}
	// n8n-core logs through LoggerProxy; a real n8n points it at its logger, here at a recorder.
	const { LoggerProxy } = require('n8n-workflow') as typeof import('n8n-workflow');
	const record = (level: string) => (message: string, meta?: object) => logged.push(`${level} ${message} ${deepText(meta)}`);
	LoggerProxy.init({ debug: record('debug'), info: record('info'), warn: record('warn'), error: record('error') } as never);
});

afterAll(() => {
	process.stdout.write = originalWrite.out;
	process.stderr.write = originalWrite.err;
	jest.restoreAllMocks();
});

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { useSandbox, jsonOf } = require('../helpers/fixture') as typeof import('../helpers/fixture');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { testMyPitCredential } = require('../helpers/credential-test') as typeof import('../helpers/credential-test');

const sandbox = useSandbox();
const byId = (value: string) => ({ __rl: true, mode: 'id', value });

test('no output, error or log line carries the secret key, on success or failure', async () => {
	const account = sandbox.sandbox.control.createAccount({ secretKey: SECRET });
	Object.assign(sandbox.credentials, { clientId: account.clientId, secretKey: SECRET, userId: account.userId, issuerDid: account.issuerDid });
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
	await run({ resource: 'badge', operation: 'issue', templateId: byId(template._id), holderId: byId(holders[0]._id) });
	// API errors, network faults, retries, input errors, with and without Continue On Fail.
	await run({ resource: 'template', operation: 'get', templateId: byId('tmpl_missing') });
	control.injectFault({ path: '/createHolder', kind: 'status', status: 500 });
	await run({ resource: 'holder', operation: 'create', name: 'A', email: 'a@example.com', phone: '+1234', holderDid: 'did:ethr:0x1', externalHolderId: 'a' });
	control.injectFault({ path: '/getHolders', kind: 'drop', times: 5 });
	await run({ resource: 'holder', operation: 'getAll', options: quick });
	control.injectFault({ path: '/getHolders', kind: 'delay', delayMs: 800, times: 2 });
	await run({ resource: 'holder', operation: 'getAll', options: quick, requestOptions: { timeout: 100 } });
	control.injectFault({ path: '/issueBadge', kind: 'truncate', afterProcessing: true });
	await run({ resource: 'badge', operation: 'issue', templateId: byId(template._id), holderId: byId(holders[1]._id), options: quick });
	await run(
		{ resource: 'holder', operation: 'get', holderId: byId('={{ $json.id }}') },
		{ input: [{ id: holders[2]._id }, { id: '' }, { id: 'hold_missing' }], onError: 'continueRegularOutput' },
	);
	const credentialChecks = [
		await testMyPitCredential(sandbox.credentials),
		await testMyPitCredential({ ...sandbox.credentials, baseUrl: sandbox.sandbox.url.replace('127.0.0.1', '127.1') }),
	];
	control.injectFault({ path: '/hello', kind: 'status', status: 500 });
	credentialChecks.push(await testMyPitCredential(sandbox.credentials));

	// The runs did produce outputs, errors and log lines: the check below is not vacuous.
	expect(results.filter((result) => result.error)).toHaveLength(5);
	expect(jsonOf(results[1]).length).toBe(3);
	expect(results.at(-1)?.items).toHaveLength(3);
	expect(credentialChecks.map((check) => check.status)).toEqual(['OK', 'Error', 'Error']);
	expect(logged.join('\n')).toMatch(/Running node "MyPit"|Workflow execution/);
	// The secret did travel, in the header, to the sandbox.
	expect(sandbox.requests().some((request) => request.headers.secretkey === SECRET)).toBe(true);

	for (const result of results) expect(deepText(result)).not.toContain(SECRET);
	expect(deepText(credentialChecks)).not.toContain(SECRET);
	expect(logged.join('\n')).not.toContain(SECRET);
});
