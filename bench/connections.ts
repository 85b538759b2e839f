/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @typescript-eslint/no-explicit-any, @typescript-eslint/no-require-imports, no-console -- not shipped: n8n Cloud rules apply to nodes/ and credentials/ */
import '../tooling/engine/env';
/**
 * What a new connection per request costs: the raw loop of `npm run bench` keeps its connection
 * alive (Node's fetch), while n8n 2.40's request helper builds new HTTP agents for every request
 * (`@n8n/backend-network`, `setAxiosAgents` → `buildNodeAgents`), so every request of a node
 * (the HTTP Request node's and the MyPit node's alike) opens a new TCP connection.
 *
 *   node -r ts-node/register/transpile-only bench/connections.ts [records]
 *
 * Reads every holder of an account in pages of 100 (as Return All does), one request at a time,
 * against the sandbox in its own process: over one kept-alive connection, with a new agent (and
 * connection) per request, and through n8n-core's own request helper (the dev dependency's,
 * n8n-core 2.40.x). Medians of 5, rotating the order.
 */
import * as http from 'node:http';
import * as path from 'node:path';

import type { Account } from './raw';
import { startSandboxProcess } from './sandbox-process';

const PAGE_SIZE = 100;

/** One POST with a fresh agent, as n8n's helper sends it: a new connection every time. */
async function postNewConnection(url: string, account: Account, body: unknown): Promise<any> {
	const payload = JSON.stringify(body);
	return await new Promise((resolve, reject) => {
		const request = http.request(
			url,
			{
				method: 'POST',
				agent: new http.Agent(),
				headers: {
					'content-type': 'application/json',
					'content-length': Buffer.byteLength(payload),
					clientId: account.clientId,
					secretKey: account.secretKey,
				},
			},
			(response) => {
				const chunks: Buffer[] = [];
				response.on('data', (chunk: Buffer) => chunks.push(chunk));
				response.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))));
			},
		);
		request.on('error', reject);
		request.end(payload);
	});
}

/** n8n-core's own request helper (`helpers.httpRequest` of every node), n8n's DI container. */
function n8nRequestHelper(): (url: string, account: Account, body: unknown) => Promise<any> {
	const coreDir = path.dirname(require.resolve('n8n-core'));
	const load = (name: string) => require(require.resolve(name, { paths: [coreDir] }));
	const { Container } = load('@n8n/di') as { Container: { get<T>(type: unknown): T } };
	const { OutboundHttp } = load('@n8n/backend-network') as { OutboundHttp: unknown };
	const outbound = Container.get<{ requests(): { request(options: object): Promise<any> } }>(
		OutboundHttp,
	);
	return async (url, account, body) =>
		await outbound.requests().request({
			method: 'POST',
			url,
			body,
			json: true,
			headers: { clientId: account.clientId, secretKey: account.secretKey },
		});
}

async function postKeptAlive(url: string, account: Account, body: unknown): Promise<any> {
	const response = await fetch(url, {
		method: 'POST',
		headers: {
			'content-type': 'application/json',
			clientId: account.clientId,
			secretKey: account.secretKey,
		},
		body: JSON.stringify(body),
	});
	return await response.json();
}

async function readAll(
	post: typeof postKeptAlive,
	url: string,
	account: Account & { userId: string },
): Promise<number> {
	let count = 0;
	let cursor: string | undefined;
	for (;;) {
		const page = await post(`${url}/getHolders`, account, {
			userId: account.userId,
			paginationOpts:
				cursor === undefined ? { numItems: PAGE_SIZE } : { numItems: PAGE_SIZE, cursor },
		});
		count += page.page.length;
		if (!page.hasMore) return count;
		cursor = page.cursor;
	}
}

async function main() {
	const records = Number(process.argv[2] ?? 100_000);
	const sandbox = await startSandboxProcess();
	try {
		const account = await sandbox.control<Account & { userId: string }>('POST', '/accounts', {});
		await sandbox.control('POST', '/seed', { userId: account.userId, holders: records });
		const ways: Array<[string, typeof postKeptAlive]> = [
			['one kept-alive connection (the raw loop)', postKeptAlive],
			['a new connection per request (as n8n 2.40 sends)', postNewConnection],
			["n8n-core's request helper (helpers.httpRequest)", n8nRequestHelper()],
		];
		const times = new Map<string, number[]>();
		await readAll(postKeptAlive, sandbox.url, account);
		for (let rep = 0; rep < 5; rep++) {
			for (const [label, post] of [
				...ways.slice(rep % ways.length),
				...ways.slice(0, rep % ways.length),
			]) {
				const started = performance.now();
				const read = await readAll(post, sandbox.url, account);
				if (read !== records) throw new Error(`${label}: read ${read} of ${records}`);
				times.set(label, [...(times.get(label) ?? []), performance.now() - started]);
			}
		}
		const requests = Math.ceil(records / PAGE_SIZE);
		console.log(`${records} holders, ${requests} requests of ${PAGE_SIZE}, medians of 5:`);
		for (const [label, values] of times) {
			const median = [...values].sort((a, b) => a - b)[2];
			console.log(
				`  ${label}: ${Math.round(median)} ms (${((median / requests) * 1000).toFixed(0)} µs a request)`,
			);
		}
	} finally {
		await sandbox.stop();
	}
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
