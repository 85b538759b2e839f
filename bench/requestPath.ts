/**
 * What each item costs on the node's two request paths, in n8n's real engine in this process
 * (tooling/engine; `npm run build` first), against the sandbox in this process:
 * - custom operation: what a workflow run executes (all items in one call);
 * - RoutingNode: what an AI agent's tool call executes, forced here for a whole workflow run by
 *   hiding the custom operations, so both paths run the same items.
 *
 *   node -r ts-node/register/transpile-only bench/requestPath.ts [items]
 *
 * Holder → Get Many over 20,000 holders from one input item, and two operations with one request
 * per item: Template → Get (no expression) and Holder → Create with five mapped fields
 * (`{{ $json.… }}`). Medians of 5, alternating the paths. This harness
 * evaluates expressions with n8n's tournament evaluator (no isolate on Node 20), so expressions
 * are cheaper here than in n8n 2.x itself: `npm run bench` measures real n8n.
 */
import '../tooling/engine/env';
import type { IDataObject, INodeParameters, INodeType } from 'n8n-workflow';

import { startSandbox, type Account, type Sandbox } from '../sandbox';
import { registry, runMyPit } from '../tooling/engine/engine';

interface Scenario {
	label: string;
	prepare(sandbox: Sandbox, account: Account, items: number): IDataObject[];
	parameters(account: Account): INodeParameters;
	/** Output items of a run with `items` input items. */
	outputs?: number;
	/** Output items on the RoutingNode path, when they differ (a tool's bounded answer). */
	routedOutputs?: number;
}

/** Holders listed by the Get Many scenario: one input item, 200 pages of 100. */
const LISTED_HOLDERS = 20_000;

let templateId = '';

const SCENARIOS: Scenario[] = [
	{
		label: `Holder → Get Many, Return All ${LISTED_HOLDERS} (one input item)`,
		prepare(sandbox, account) {
			sandbox.control.seedHolders(account.userId, LISTED_HOLDERS);
			return [{}];
		},
		parameters: () => ({
			resource: 'holder',
			operation: 'getAll',
			returnAll: true,
			simplify: false,
		}),
		outputs: LISTED_HOLDERS,
		// On RoutingNode, Get Many answers an agent: one bounded answer read from one page.
		routedOutputs: 1,
	},
	{
		label: 'Template → Get',
		prepare(sandbox, account, items) {
			templateId = sandbox.control.seedTemplates(account.userId, 1)[0]._id;
			return Array.from({ length: items }, () => ({}));
		},
		parameters: () => ({
			resource: 'template',
			operation: 'get',
			templateId: { __rl: true, mode: 'id', value: templateId },
		}),
	},
	{
		label: 'Holder → Create, five mapped fields',
		prepare: (_sandbox, _account, items) =>
			Array.from({ length: items }, (_, index) => ({
				name: `Row ${index}`,
				email: `row${index}@example.com`,
				phone: `+1 555 ${String(index).padStart(7, '0')}`,
				did: `did:ethr:0x${index.toString(16)}`,
				userId: `row-${index}`,
			})),
		parameters: () => ({
			resource: 'holder',
			operation: 'create',
			name: '={{ $json.name }}',
			email: '={{ $json.email }}',
			phone: '={{ $json.phone }}',
			holderDid: '={{ $json.did }}',
			externalHolderId: '={{ $json.userId }}',
		}),
	},
];

const median = (values: number[]) =>
	[...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main() {
	const items = Number(process.argv[2] ?? 2000);
	const sandbox = await startSandbox({ quiet: true });
	const { nodeTypes } = await registry();
	const node: INodeType = nodeTypes.getByNameAndVersion('n8n-nodes-mypit.myPit');
	const customOperations = node.customOperations;
	const paths: Array<[string, INodeType['customOperations']]> = [
		['custom operation', customOperations],
		['RoutingNode', undefined],
	];

	const timeOnce = async (scenario: Scenario, routed = false) => {
		const account = sandbox.control.createAccount();
		const input = scenario.prepare(sandbox, account, items);
		const started = performance.now();
		const result = await runMyPit({
			credentials: { ...account, baseUrl: sandbox.url },
			parameters: scenario.parameters(account),
			input,
		});
		const ms = performance.now() - started;
		const expected = (routed ? scenario.routedOutputs : undefined) ?? scenario.outputs ?? items;
		if (result.error || result.items.length !== expected)
			throw new Error(`${scenario.label}: ${result.error?.message ?? 'missing items'}`);
		sandbox.control.closeAccount(account.clientId);
		return ms;
	};

	console.log(`${items} input items, in-process engine, medians of 5 (µs per input item):`);
	for (const scenario of SCENARIOS) {
		await timeOnce(scenario);
		const times = new Map<string, number[]>();
		for (let rep = 0; rep < 5; rep++) {
			for (const [label, table] of rep % 2 ? [...paths].reverse() : paths) {
				node.customOperations = table;
				const ms = await timeOnce(scenario, table === undefined);
				times.set(label, [...(times.get(label) ?? []), ms]);
			}
		}
		node.customOperations = customOperations;
		const line = [...times]
			.map(([label, values]) => {
				const ms = median(values);
				const perItem = scenario.outputs ? '' : ` (${Math.round((ms / items) * 1000)} µs/item)`;
				return `${label} ${Math.round(ms)} ms${perItem}`;
			})
			.join(', ');
		console.log(`  ${scenario.label}: ${line}`);
	}
	await sandbox.close();
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
