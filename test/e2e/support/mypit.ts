/* eslint-disable @n8n/community-nodes/no-restricted-imports, no-console -- not shipped: n8n Cloud rules apply to nodes/ and credentials/ */
/**
 * Helpers for the MyPit end-to-end suites in real n8n (test/e2e/*.test.ts).
 *
 * Each suite starts the same setup as `npm start` (tooling/stack/stack.ts) in a temporary folder
 * on free ports: the packed package installed as a community package, one `n8n start`, one
 * in-process MyPit sandbox, the "MyPit sandbox" credential and the example workflows. The n8n
 * version is the pinned one, or env N8N_VERSION (e.g. 1.123.81). `npm test` builds dist/ first.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import type { LoggedRequest } from '../../../sandbox';
import { startStack, type Stack, type StackOptions } from '../../../tooling/stack/stack';
import { EVERY_15_SECONDS, MYPIT_TRIGGER_NODE_TYPE } from '../../../tooling/stack/demoTrigger';
import { REPO_ROOT, n8nE2eGate, n8nPaths, type N8nWorkflowInput } from '../../../tooling/n8n';

export const gate = n8nE2eGate();
export const n8nVersion = n8nPaths().version;
/** `describe` when real n8n runs, else `describe.skip` (plus one skipped test saying why). */
export const describeN8n = gate.run ? describe : describe.skip;
export const BOOT_TIMEOUT = 300_000;

export function reportSkip(): void {
	if (gate.run) return;
	console.warn(`real-n8n tests skipped: ${gate.reason}`);
	describe(`real n8n ${n8nVersion}`, () => {
		test.skip(`skipped: ${gate.reason}`, () => undefined);
	});
}

/** The npm start setup for a test file: temporary, free ports, dist/ as built by `npm test`. */
export async function startTestStack(
	options: Pick<StackOptions, 'plainNpmInstall'> = {},
): Promise<Stack> {
	if (!fs.existsSync(path.join(REPO_ROOT, 'dist', 'nodes', 'MyPit', 'MyPit.node.js'))) {
		throw new Error('dist/ is not built: `npm test` builds it, or run `npm run build`');
	}
	return await startStack({
		home: 'temporary',
		build: false,
		provision: false,
		port: 0,
		sandboxPort: 0,
		...options,
	});
}

/** Path and JSON body of each API request the sandbox saw (the control surface is never logged). */
export function apiCalls(requests: LoggedRequest[]): Array<{ path: string; body: unknown }> {
	return requests.map((request) => ({ path: request.path, body: request.body }));
}

export const byId = (value: string) => ({ __rl: true, mode: 'id', value });

export interface MyPitWorkflowOptions {
	/** Items fed to the MyPit node (through a Code node); default: the trigger's one empty item. */
	input?: Array<Record<string, unknown>>;
	/** n8n's node setting: 'continueRegularOutput' = Continue On Fail. */
	onError?: 'stopWorkflow' | 'continueRegularOutput' | 'continueErrorOutput';
	credential: { id: string; name: string };
	name?: string;
}

/** Manual Trigger → (Input) → MyPit node "MyPit" with the given parameters. */
export function myPitWorkflow(
	parameters: Record<string, unknown>,
	options: MyPitWorkflowOptions,
): N8nWorkflowInput {
	const nodes: N8nWorkflowInput['nodes'] = [
		{
			id: 'a1',
			name: 'Start',
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		},
	];
	const connections: Record<string, unknown> = {};
	let previous = 'Start';
	if (options.input) {
		nodes.push({
			id: 'a2',
			name: 'Input',
			type: 'n8n-nodes-base.code',
			typeVersion: 2,
			position: [200, 0],
			parameters: { jsCode: `return ${JSON.stringify(options.input)}.map((json) => ({ json }));` },
		});
		connections.Start = { main: [[{ node: 'Input', type: 'main', index: 0 }]] };
		previous = 'Input';
	}
	nodes.push({
		id: 'a3',
		name: 'MyPit',
		type: 'n8n-nodes-mypit.myPit',
		typeVersion: 1,
		position: [400, 0],
		parameters,
		credentials: { myPitApi: options.credential },
		...(options.onError ? { onError: options.onError } : {}),
	});
	connections[previous] = { main: [[{ node: 'MyPit', type: 'main', index: 0 }]] };
	return {
		name: options.name ?? `e2e ${String(parameters.resource)} ${String(parameters.operation)}`,
		nodes,
		connections,
		settings: { executionOrder: 'v1' },
	};
}

/** The name of the trigger node in `myPitTriggerWorkflow`. */
export const TRIGGER = 'MyPit Trigger';

/**
 * MyPit Trigger (polling every 15 s, for an event) → No Op "Done", keeping successful
 * executions' data so tests can read what fired.
 */
export function myPitTriggerWorkflow(
	name: string,
	credential: { id: string; name: string },
	event = 'badge.issued',
): N8nWorkflowInput {
	return {
		name,
		nodes: [
			{
				id: 't1',
				name: TRIGGER,
				type: MYPIT_TRIGGER_NODE_TYPE,
				typeVersion: 1,
				position: [0, 0],
				parameters: { pollTimes: EVERY_15_SECONDS, event },
				credentials: { myPitApi: credential },
			},
			{
				id: 'n1',
				name: 'Done',
				type: 'n8n-nodes-base.noOp',
				typeVersion: 1,
				position: [220, 0],
				parameters: {},
			},
		],
		connections: { [TRIGGER]: { main: [[{ node: 'Done', type: 'main', index: 0 }]] } },
		settings: { saveDataSuccessExecution: 'all' },
	};
}

/** Every badge of the sandbox's demo account, read page by page through the MyPit API as a client would. */
export async function issuedBadgesOf(
	sandbox: Stack['sandbox'],
): Promise<Array<{ _id: string; recipientId: string; templateId: string }>> {
	const { clientId, secretKey, userId } = sandbox.demo;
	const badges: Array<{ _id: string; recipientId: string; templateId: string }> = [];
	let cursor: string | undefined;
	for (let pages = 0; pages < 1000; pages++) {
		const response = await fetch(`${sandbox.url}/getIssuedBadges`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', clientId, secretKey },
			body: JSON.stringify({
				userId,
				paginationOpts: { numItems: 1000, ...(cursor ? { cursor } : {}) },
			}),
		});
		const body = (await response.json()) as {
			page?: typeof badges;
			hasMore?: boolean;
			cursor?: string;
		};
		if (!response.ok || !Array.isArray(body.page))
			throw new Error(
				`getIssuedBadges answered ${response.status}: ${JSON.stringify(body).slice(0, 300)}`,
			);
		badges.push(...body.page);
		if (!body.hasMore) return badges;
		cursor = body.cursor;
	}
	throw new Error('getIssuedBadges: no last page after 1,000 pages');
}
