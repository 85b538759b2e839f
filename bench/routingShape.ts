/**
 * What RoutingNode's per-item walk costs with this node's description, in n8n's real engine in
 * this process (the engine tests' harness; `npm run build` first), against the sandbox.
 *
 *   node -r ts-node/register/transpile-only bench/routingShape.ts [items]
 *
 * Bulk issue from N input items sends ⌈N ÷ 100⌉ requests; every other input item only passes
 * through RoutingNode (which walks all top-level properties twice per item) and our skip check.
 * The same run with the properties as declared (before mergeRepeated.ts folds the alike ones) and
 * cut down to the operation's own properties shows what the description's shape costs per item.
 */
import type { INodeProperties } from 'n8n-workflow';

import { declaredProperties } from '../nodes/MyPit/descriptions/properties';
import { startSandbox } from '../sandbox';
import { registry, runMyPit } from '../tooling/engine/engine';

const PARAMETERS = {
	resource: 'badge',
	operation: 'issue',
	templateId: { __rl: true, mode: 'id', value: '' },
	recipientMode: 'allItems',
	holderIdField: 'ids',
	options: { batchSize: 100 },
};

function shownFor(property: INodeProperties): boolean {
	const show = property.displayOptions?.show;
	if (!show) return true;
	const resource = show.resource as string[] | undefined;
	const operation = show.operation as string[] | undefined;
	return (!resource || resource.includes('badge')) && (!operation || operation.includes('issue'));
}

async function main() {
	const items = Number(process.argv[2] ?? 5000);
	const sandbox = await startSandbox({ quiet: true });
	const { nodeTypes } = await registry();
	const node = nodeTypes.getByNameAndVersion('n8n-nodes-mypit.myPit');
	const full = node.description.properties;
	const own = full.filter(shownFor);
	// n8n's loader may add properties of its own (e.g. for tool use): keep them in every variant.
	const declaredNames = new Set(declaredProperties.map((property) => property.name));
	const declared = [
		...declaredProperties,
		...full.filter((property) => !declaredNames.has(property.name)),
	];
	const timeOnce = async (label: string) => {
		const account = sandbox.control.createAccount();
		const [template] = sandbox.control.seedTemplates(account.userId, 1);
		const holders = sandbox.control.seedHolders(account.userId, items);
		const started = performance.now();
		const result = await runMyPit({
			credentials: { ...account, baseUrl: sandbox.url },
			parameters: { ...PARAMETERS, templateId: { ...PARAMETERS.templateId, value: template._id } },
			input: holders.map((holder) => ({ ids: holder._id })),
		});
		const ms = performance.now() - started;
		if (result.error || result.items.length !== items) throw new Error(`${label}: run failed`);
		return ms;
	};
	const variants: Array<[string, INodeProperties[]]> = [
		[`as declared, before merging (${declared.length} top-level properties)`, declared],
		[`the node's description (${full.length})`, full],
		[`the operation's own (${own.length})`, own],
	];
	await timeOnce('warm-up');
	const times = new Map<string, number[]>();
	for (let rep = 0; rep < 5; rep++) {
		for (const [label, properties] of rep % 2 ? [...variants].reverse() : variants) {
			node.description.properties = properties;
			times.set(label, [...(times.get(label) ?? []), await timeOnce(label)]);
		}
	}
	node.description.properties = full;
	await sandbox.close();
	console.log(`Bulk issue from ${items} input items, in-process engine, medians of 5:`);
	for (const [label, values] of times) {
		const median = [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
		console.log(
			`  ${label}: ${Math.round(median)} ms, ${((median / items) * 1000).toFixed(0)} µs per input item`,
		);
	}
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
