/* eslint-disable @n8n/community-nodes/no-restricted-imports -- not shipped: n8n Cloud rules apply to nodes/ and credentials/ */
/**
 * The example workflows in examples/*.json: loading, fitting them to a MyPit account (the badge
 * template is picked by the name the file shows), and a readable summary of what a run produced.
 * Used by `npm start`, `npm run demo` and the end-to-end tests.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import type { LoggedRequest } from '../../sandbox';
import { REPO_ROOT, type N8nItem, type N8nRun, type N8nWorkflowInput } from '../n8n';

export const EXAMPLES_DIR = path.join(REPO_ROOT, 'examples');

/** The credential the example files refer to by name (n8n resolves a credential by name on import). */
export const EXAMPLE_CREDENTIAL_NAME = 'MyPit sandbox';
/** The Bearer token credential of example 06's MCP Server Trigger, by the name the file gives it. */
export const MCP_TOKEN_CREDENTIAL_NAME = 'MyPit MCP token';

export const MYPIT_NODE_TYPE = 'n8n-nodes-mypit.myPit';
export const MYPIT_TOOL_NODE_TYPE = 'n8n-nodes-mypit.myPitTool';
/** n8n's MCP Server Trigger (example 06 serves the MyPit tools to MCP clients with it). */
export const MCP_TRIGGER_NODE_TYPE = '@n8n/n8n-nodes-langchain.mcpTrigger';

/** Trigger types a workflow can be started from by hand (REST `run` with triggerToStartFrom). */
const RUNNABLE_TRIGGERS = new Set([
	'n8n-nodes-base.manualTrigger',
	'n8n-nodes-base.scheduleTrigger',
	'n8n-nodes-base.formTrigger',
]);

export interface ExampleNode {
	id?: string;
	name: string;
	type: string;
	typeVersion: number;
	position: [number, number];
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: string | null; name: string }>;
	[key: string]: unknown;
}

export interface ExampleWorkflow extends N8nWorkflowInput {
	name: string;
	nodes: ExampleNode[];
	pinData?: Record<string, Array<{ json: Record<string, unknown> }>>;
}

export interface Example {
	/** File name, e.g. 01-form-to-badge.json */
	file: string;
	workflow: ExampleWorkflow;
	/** The trigger a run starts from; undefined for workflows that cannot run unattended (chat). */
	trigger?: string;
}

export function loadExamples(dir = EXAMPLES_DIR): Example[] {
	return fs
		.readdirSync(dir)
		.filter((file) => file.endsWith('.json'))
		.sort()
		.map((file) => {
			const workflow = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as ExampleWorkflow;
			const trigger = workflow.nodes.find((node) => RUNNABLE_TRIGGERS.has(node.type))?.name;
			return { file, workflow, trigger };
		});
}

interface ResourceLocator {
	__rl: true;
	mode: string;
	value: unknown;
	cachedResultName?: string;
}

function isLocator(value: unknown): value is ResourceLocator {
	return typeof value === 'object' && value !== null && (value as { __rl?: unknown }).__rl === true;
}

/**
 * A copy of the workflow for one MyPit account: every MyPit template picker in "From List" mode
 * gets the ID of the account's template with the name the file shows (`cachedResultName`), as if
 * the user had picked it. Throws when the account has no template of that name.
 */
export function fitExampleToAccount(
	workflow: ExampleWorkflow,
	templates: Array<{ _id: string; name: string }>,
): ExampleWorkflow {
	const copy = JSON.parse(JSON.stringify(workflow)) as ExampleWorkflow;
	for (const node of copy.nodes) {
		if (node.type !== MYPIT_NODE_TYPE && node.type !== MYPIT_TOOL_NODE_TYPE) continue;
		const locator = node.parameters.templateId;
		if (!isLocator(locator) || locator.mode !== 'list' || !locator.cachedResultName) continue;
		const template = templates.find((candidate) => candidate.name === locator.cachedResultName);
		if (!template) {
			throw new Error(
				`${workflow.name}: node "${node.name}" wants template "${locator.cachedResultName}", which the account does not have`,
			);
		}
		locator.value = template._id;
	}
	return copy;
}

// ------------------------------------------------------------------------------------------------
// Summaries
// ------------------------------------------------------------------------------------------------

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const labelOf = (value: string) => value.charAt(0).toUpperCase() + value.slice(1);

/** One line about what a MyPit node produced, from its parameters and output items. */
export function describeMyPitOutput(
	node: ExampleNode,
	items: N8nItem[],
	templates: Array<{ _id: string; name: string }> = [],
): string {
	const resource = String(node.parameters.resource ?? 'badge');
	const operation = String(
		node.parameters.operation ??
			(resource === 'template' ? 'getAll' : resource === 'holder' ? 'create' : 'issue'),
	);
	const heading = `${labelOf(resource)} → ${{ getAll: 'Get Many', create: 'Create', createOrUpdate: 'Create or Update', issue: 'Issue' }[operation] ?? labelOf(operation)}`;
	const json = items.map((item) => item.json);
	const errors = json.filter((item) => typeof item.error === 'string');
	const errorText = errors.length
		? `; ${plural(errors.length, 'error')}: ${String(errors[0].error)}`
		: '';
	let text: string;
	if (resource === 'badge' && operation === 'issue') {
		const issued = json.filter((item) => item.issued === true);
		const statuses = [...new Set(json.map((item) => item.status).filter(Boolean))].join(', ');
		const templateId = json.find((item) => item.templateId)?.templateId;
		const template = templates.find((candidate) => candidate._id === templateId);
		const skipped = json.filter((item) => item.skipped === true).length;
		text = `${plural(issued.length, 'badge')} issued${template ? ` from "${template.name}"` : ''} to ${plural(json.length, 'holder')}${statuses ? ` (status ${statuses})` : ''}${skipped ? `; ${skipped} skipped, already held` : ''}`;
	} else if (operation === 'createOrUpdate') {
		const actions = ['created', 'updated', 'unchanged'].map(
			(action) => `${json.filter((item) => item.action === action).length} ${action}`,
		);
		text = `${plural(json.length - errors.length, resource)}: ${actions.join(', ')}`;
	} else if (operation === 'create') {
		const names = json.map((item) => `${String(item.name ?? '?')} (${String(item._id ?? '?')})`);
		text = `${plural(json.length - errors.length, resource)} created${names.length ? `: ${names.slice(0, 5).join(', ')}${names.length > 5 ? ', …' : ''}` : ''}`;
	} else if (operation === 'getAll') {
		text = `${plural(json.length, resource)} listed`;
	} else {
		text = `${plural(json.length, 'item')}`;
	}
	return `${heading}: ${text}${errorText}`;
}

export interface ExampleCounts {
	templatesCreated: number;
	holdersCreated: number;
	badgesIssued: number;
	badgesListed: number;
	/** From a report item with an `expiringBadges` field (example 03). */
	expiringBadges: number;
}

export interface ExampleRunSummary {
	file: string;
	name: string;
	ok: boolean;
	durationMs: number;
	lines: string[];
	/** The MyPit API calls the sandbox saw during the run, e.g. { '/issueBadge': 1 }. */
	apiCalls: Record<string, number>;
	counts: ExampleCounts;
	error?: string;
}

/** What one run did: a line per MyPit node, the last node's output, and the API calls made. */
export function summarizeExampleRun(
	example: Example,
	run: N8nRun,
	requests: LoggedRequest[],
	durationMs: number,
	templates: Array<{ _id: string; name: string }> = [],
): ExampleRunSummary {
	const lines: string[] = [];
	const apiCalls: Record<string, number> = {};
	for (const request of requests) apiCalls[request.path] = (apiCalls[request.path] ?? 0) + 1;
	let error: string | undefined;
	const counts: ExampleCounts = {
		templatesCreated: 0,
		holdersCreated: 0,
		badgesIssued: 0,
		badgesListed: 0,
		expiringBadges: 0,
	};
	for (const node of example.workflow.nodes) {
		const task = run.runData[node.name]?.[0];
		if (!task) continue;
		if (task.error) {
			error = `${node.name}: ${task.error.message}`;
			lines.push(`${node.name}: FAILED: ${task.error.message}`);
			continue;
		}
		const items = task.data?.main?.[0] ?? [];
		if (node.type === MYPIT_NODE_TYPE) {
			lines.push(`${node.name}: ${describeMyPitOutput(node, items, templates)}`);
			const good = items.filter((item) => typeof item.json.error !== 'string');
			const { resource, operation } = node.parameters as { resource?: string; operation?: string };
			if (operation === 'create' && resource === 'template') counts.templatesCreated += good.length;
			if (operation === 'create' && resource === 'holder') counts.holdersCreated += good.length;
			if (operation === 'createOrUpdate')
				counts.holdersCreated += good.filter((item) => item.json.action === 'created').length;
			if (operation === 'issue')
				counts.badgesIssued += good.filter((item) => item.json.issued === true).length;
			if (operation === 'getAll' && resource === 'badge') counts.badgesListed += good.length;
		}
		for (const item of items) {
			if (typeof item.json.expiringBadges === 'number')
				counts.expiringBadges += item.json.expiringBadges;
		}
	}
	// The last node that ran says what the workflow produced (e.g. the report item).
	const last = run.lastNodeExecuted
		? example.workflow.nodes.find((node) => node.name === run.lastNodeExecuted)
		: undefined;
	if (last && last.type !== MYPIT_NODE_TYPE && !run.runData[last.name]?.[0]?.error) {
		const items = run.runData[last.name]?.[0]?.data?.main?.[0] ?? [];
		const message = items[0]?.json?.message;
		lines.push(
			`${last.name}: ${typeof message === 'string' ? message : `${plural(items.length, 'item')}: ${JSON.stringify(items[0]?.json ?? {}).slice(0, 160)}`}`,
		);
	}
	const ok = run.status === 'success' && !run.error && !error;
	if (!ok && !error) error = run.error?.message ?? `status ${run.status}`;
	return {
		file: example.file,
		name: example.workflow.name,
		ok,
		durationMs,
		lines,
		apiCalls,
		counts,
		error,
	};
}

export function formatApiCalls(apiCalls: Record<string, number>): string {
	const entries = Object.entries(apiCalls);
	return entries.length
		? entries.map(([apiPath, count]) => `${apiPath} ×${count}`).join(', ')
		: 'none';
}
