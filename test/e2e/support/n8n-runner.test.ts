/* eslint-disable @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/no-restricted-imports, no-console -- not shipped: n8n Cloud rules apply to nodes/ and credentials/ */
/**
 * Proves the n8n tooling (tooling/n8n) against a real n8n (provisioned by scripts/n8n/provision.sh),
 * with n8n's built-in nodes only: CLI mode (import + execute) and server mode (REST runs and
 * credential tests). Skipped when n8n is not provisioned, unless MYPIT_E2E=1 demands it.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

import {
	REPO_ROOT,
	assertRunSucceeded,
	createN8nHome,
	executeWorkflow,
	executedNodes,
	importCredentials,
	importWorkflows,
	installCommunityPackage,
	n8nE2eGate,
	nodeError,
	nodeJson,
	parseExecuteOutput,
	startN8n,
	type N8nHome,
	type N8nServer,
	type N8nWorkflowInput,
} from '../../../tooling/n8n';

const gate = n8nE2eGate();
const describeN8n = gate.run ? describe : describe.skip;
const BOOT_TIMEOUT = 240_000;

/** A loopback API stub: /echo answers 200 for the right key, 401 otherwise. */
interface Stub {
	baseUrl: string;
	requests: Array<{ method: string; url: string; key?: string }>;
	close(): Promise<void>;
}

async function startStub(): Promise<Stub> {
	const requests: Stub['requests'] = [];
	const server = http.createServer((req, res) => {
		const key = req.headers['x-api-key'] as string | undefined;
		requests.push({ method: req.method ?? '', url: req.url ?? '', key });
		const url = new URL(req.url ?? '/', 'http://stub');
		res.setHeader('content-type', 'application/json');
		if (key !== 'right-key') {
			res.statusCode = 401;
			res.end(JSON.stringify({ message: 'Invalid API key' }));
			return;
		}
		res.end(
			JSON.stringify({ path: url.pathname, n: Number(url.searchParams.get('n')), echoed: key }),
		);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
		requests,
		close: async () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}

/** Manual Trigger -> Code (2 items) -> HTTP Request (header auth, once per item) -> Set. */
function echoWorkflow(
	stubUrl: string,
	credential: { id: string; name: string },
	name = 'e2e echo',
): N8nWorkflowInput {
	return {
		name,
		nodes: [
			{
				id: 'n1',
				name: 'Manual Trigger',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: 'n2',
				name: 'Two Items',
				type: 'n8n-nodes-base.code',
				typeVersion: 2,
				position: [200, 0],
				parameters: { jsCode: 'return [{ json: { n: 1 } }, { json: { n: 2 } }];' },
			},
			{
				id: 'n3',
				name: 'Call API',
				type: 'n8n-nodes-base.httpRequest',
				typeVersion: 4.2,
				position: [400, 0],
				parameters: {
					url: `={{ '${stubUrl}/echo?n=' + $json.n }}`,
					authentication: 'genericCredentialType',
					genericAuthType: 'httpHeaderAuth',
					options: {},
				},
				credentials: { httpHeaderAuth: credential },
			},
			{
				id: 'n4',
				name: 'Shape',
				type: 'n8n-nodes-base.set',
				typeVersion: 3.4,
				position: [600, 0],
				parameters: {
					assignments: {
						assignments: [
							{ id: 'a1', name: 'label', type: 'string', value: "={{ 'item-' + $json.n * 10 }}" },
						],
					},
					includeOtherFields: true,
					options: {},
				},
			},
		],
		connections: {
			'Manual Trigger': { main: [[{ node: 'Two Items', type: 'main', index: 0 }]] },
			'Two Items': { main: [[{ node: 'Call API', type: 'main', index: 0 }]] },
			'Call API': { main: [[{ node: 'Shape', type: 'main', index: 0 }]] },
		},
	};
}

const expectedShape = [
	{ path: '/echo', n: 1, echoed: 'right-key', label: 'item-10' },
	{ path: '/echo', n: 2, echoed: 'right-key', label: 'item-20' },
];

if (!gate.run) {
	console.warn(`real-n8n tests skipped: ${gate.reason}`);
	describe('real n8n', () => {
		test.skip(`skipped: ${gate.reason}`, () => undefined);
	});
}

describeN8n('parseExecuteOutput', () => {
	test('finds the run data among JSON log lines and ignores other output', () => {
		const run = {
			data: { resultData: { runData: { A: [{ data: { main: [[{ json: { x: 1 } }]] } }] } } },
			status: 'success',
			mode: 'cli',
			finished: true,
		};
		const stdout = [
			JSON.stringify({ level: 'info', message: 'n8n Task Broker ready', metadata: {} }),
			'some stray line',
			JSON.stringify({ level: 'info', message: JSON.stringify(run, null, 2), metadata: {} }),
		].join('\n');
		const parsed = parseExecuteOutput(stdout);
		expect(parsed?.status).toBe('success');
		expect(nodeJson(parsed!, 'A')).toEqual([{ x: 1 }]);
		expect(parseExecuteOutput('no json here')).toBeUndefined();
	});
});

describeN8n('n8n CLI: import and execute', () => {
	let home: N8nHome;
	let stub: Stub;
	let okId: string;
	let failId: string;

	beforeAll(async () => {
		stub = await startStub();
		home = await createN8nHome();
		const [right, wrong] = await importCredentials(home, [
			{ name: 'stub key', type: 'httpHeaderAuth', data: { name: 'x-api-key', value: 'right-key' } },
			{
				name: 'wrong stub key',
				type: 'httpHeaderAuth',
				data: { name: 'x-api-key', value: 'wrong-key' },
			},
		]);
		[okId, failId] = await importWorkflows(home, [
			echoWorkflow(stub.baseUrl, { id: right.id, name: right.name }, 'e2e echo'),
			echoWorkflow(stub.baseUrl, { id: wrong.id, name: wrong.name }, 'e2e echo, wrong key'),
		]);
	}, BOOT_TIMEOUT);

	afterAll(async () => {
		await stub?.close();
		await home?.cleanup();
	});

	test(
		'runs Code, HTTP Request with an imported credential, and Set',
		async () => {
			const run = await executeWorkflow(home, okId, { expectSuccess: true });
			expect(run.mode).toBe('cli');
			expect(executedNodes(run)).toEqual(['Manual Trigger', 'Two Items', 'Call API', 'Shape']);
			expect(nodeJson(run, 'Two Items')).toEqual([{ n: 1 }, { n: 2 }]);
			expect(nodeJson(run, 'Shape')).toEqual(expectedShape);
			expect(stub.requests.filter((r) => r.key === 'right-key').map((r) => r.url)).toEqual([
				'/echo?n=1',
				'/echo?n=2',
			]);
			console.info(`n8n execute (CLI) took ${run.process.durationMs} ms`);
		},
		BOOT_TIMEOUT,
	);

	test(
		'returns a failed execution with the node error (HTTP 401)',
		async () => {
			const run = await executeWorkflow(home, failId);
			expect(run.status).toBe('error');
			expect(run.process.code).not.toBe(0);
			expect(run.lastNodeExecuted).toBe('Call API');
			const error = nodeError(run, 'Call API');
			expect(error?.httpCode).toBe('401');
			expect(error?.message).toMatch(/authorization|401|Invalid API key/i);
			expect(run.runData.Shape).toBeUndefined();
			expect(() => assertRunSucceeded(run)).toThrow(/status "error".*Call API/);
		},
		BOOT_TIMEOUT,
	);

	test(
		'rejects with n8n output for an unknown workflow id',
		async () => {
			await expect(executeWorkflow(home, 'doesNotExist0000')).rejects.toThrow(
				/printed no run data[\s\S]*does not exist/,
			);
		},
		BOOT_TIMEOUT,
	);
});

describeN8n('n8n server: REST runs and credential tests', () => {
	let home: N8nHome;
	let stub: Stub;
	let server: N8nServer;
	let packedPackage: string | undefined;

	beforeAll(async () => {
		stub = await startStub();
		home = await createN8nHome();
		// If the project's package is built, install it the way a user does, to see n8n load it.
		if (fs.existsSync(path.join(REPO_ROOT, 'dist', 'nodes', 'MyPit', 'MyPit.node.js'))) {
			const packDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mypit-pack-'));
			const name = execFileSync(
				'npm',
				['pack', '--ignore-scripts', '--silent', `--pack-destination=${packDir}`],
				{
					cwd: REPO_ROOT,
					encoding: 'utf8',
				},
			)
				.trim()
				.split('\n')
				.pop()!;
			packedPackage = path.join(packDir, name);
			await installCommunityPackage(home, packedPackage);
		}
		server = await startN8n(home);
		console.info(`n8n start took ${server.bootMs} ms until ready`);
	}, BOOT_TIMEOUT);

	afterAll(async () => {
		await server?.stop();
		await stub?.close();
		await home?.cleanup();
		if (packedPackage) fs.rmSync(path.dirname(packedPackage), { recursive: true, force: true });
	});

	test('runs workflows through the REST API, fast after boot', async () => {
		const right = await server.createCredential({
			name: 'stub key',
			type: 'httpHeaderAuth',
			data: { name: 'x-api-key', value: 'right-key' },
		});
		const wrong = await server.createCredential({
			name: 'wrong key',
			type: 'httpHeaderAuth',
			data: { name: 'x-api-key', value: 'wrong-key' },
		});

		const timings: number[] = [];
		for (let i = 0; i < 3; i++) {
			const started = Date.now();
			const run = await server.runWorkflow(echoWorkflow(stub.baseUrl, right), {
				expectSuccess: true,
			});
			timings.push(Date.now() - started);
			expect(run.mode).toBe('manual');
			expect(run.id).toBeTruthy();
			expect(nodeJson(run, 'Shape')).toEqual(expectedShape);
		}
		console.info(`server-mode runs (create + run + fetch): ${timings.join(', ')} ms`);

		const failed = await server.runWorkflow(echoWorkflow(stub.baseUrl, wrong));
		expect(failed.status).toBe('error');
		expect(nodeError(failed, 'Call API')?.httpCode).toBe('401');
		expect(failed.error?.message).toBe(nodeError(failed, 'Call API')?.message);
	}, 120_000);

	test('tests credentials as the editor does (POST /rest/credentials/test)', async () => {
		// n8nApi is a built-in credential type with a test request: GET <baseUrl>/credentials/schema/n8nApi
		// with header X-N8N-API-KEY. Point it at a stub that checks the key.
		const keyServer = http.createServer((req, res) => {
			const ok = req.headers['x-n8n-api-key'] === 'right-key';
			res.writeHead(ok ? 200 : 401, { 'content-type': 'application/json' });
			res.end(JSON.stringify(ok ? { ok: true } : { message: 'unauthorized' }));
		});
		await new Promise<void>((resolve) => keyServer.listen(0, '127.0.0.1', resolve));
		const baseUrl = `http://127.0.0.1:${(keyServer.address() as AddressInfo).port}/api/v1`;
		try {
			await expect(
				server.testCredential({ type: 'n8nApi', data: { apiKey: 'right-key', baseUrl } }),
			).resolves.toEqual({
				status: 'OK',
				message: 'Connection successful!',
			});
			const wrong = await server.testCredential({
				type: 'n8nApi',
				data: { apiKey: 'wrong-key', baseUrl },
			});
			expect(wrong.status).toBe('Error');
			// A saved credential is tested with its stored data merged with what is sent.
			const saved = await server.createCredential({
				name: 'saved n8n api',
				type: 'n8nApi',
				data: { apiKey: 'right-key', baseUrl },
			});
			const savedResult = await server.testCredential({
				id: saved.id,
				name: saved.name,
				type: 'n8nApi',
				data: { apiKey: 'right-key', baseUrl },
			});
			expect(savedResult.status).toBe('OK');
			const unreachable = await server.testCredential({
				type: 'n8nApi',
				data: { apiKey: 'x', baseUrl: 'http://127.0.0.1:9/api/v1' },
			});
			expect(unreachable).toMatchObject({ status: 'Error' });
		} finally {
			await new Promise<void>((resolve) => keyServer.close(() => resolve()));
		}
	});

	test('lists loaded node types, including an installed community package', async () => {
		const nodeTypes = await server.nodeTypes();
		expect(nodeTypes).toEqual(
			expect.arrayContaining(['n8n-nodes-base.manualTrigger', 'n8n-nodes-base.httpRequest']),
		);
		if (!packedPackage) {
			console.info('dist/ is not built: the installed-package check was left out');
			return;
		}
		expect(nodeTypes.filter((name) => name.startsWith('n8n-nodes-mypit.')).length).toBeGreaterThan(
			0,
		);
	});
});
