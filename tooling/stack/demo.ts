/** Runs the example workflows of a started stack and says what each produced (`npm run demo`). */
import type { LoggedRequest } from '../../sandbox';
import type { N8nRun } from '../n8n';
import {
	MCP_TRIGGER_NODE_TYPE,
	MYPIT_TOOL_NODE_TYPE,
	summarizeExampleRun,
	type ExampleCounts,
	type ExampleRunSummary,
} from './examples';
import { badgeIssuedTrigger, runTriggerDemo, type TriggerDemo } from './demoTrigger';
import type { ImportedExample, Stack } from './stack';

export interface ExampleRun {
	example: ImportedExample;
	run: N8nRun;
	/** What the sandbox received during this run only. */
	requests: LoggedRequest[];
	summary: ExampleRunSummary;
}

/** Runs one imported example from its trigger (pinned data for a form, one tick for a schedule). */
export async function runExample(stack: Stack, example: ImportedExample): Promise<ExampleRun> {
	if (!example.trigger) throw new Error(`${example.file} has no trigger that can run unattended`);
	stack.sandbox.control.clearLog();
	const started = Date.now();
	const run = await stack.server.runWorkflow(example.id, {
		triggerNode: example.trigger,
		timeoutMs: 120_000,
	});
	const durationMs = Date.now() - started;
	const requests = stack.sandbox.control.requestLog();
	return {
		example,
		run,
		requests,
		summary: summarizeExampleRun(example, run, requests, durationMs, stack.demoData.templates),
	};
}

export interface DemoResult {
	runs: ExampleRun[];
	/** Examples that cannot run unattended (the AI agent needs a chat model): imported and checked only. */
	importedOnly: Array<{ example: ImportedExample; note: string; ok: boolean }>;
	/** Examples started by the MyPit Trigger: activated (a fast-polling copy) and fired once. */
	triggerRuns: Array<{ example: ImportedExample; demo: TriggerDemo }>;
	totals: ExampleCounts;
	ok: boolean;
}

export async function runDemo(stack: Stack): Promise<DemoResult> {
	const runs: ExampleRun[] = [];
	const importedOnly: DemoResult['importedOnly'] = [];
	const triggerRuns: DemoResult['triggerRuns'] = [];
	const totals: ExampleCounts = {
		templatesCreated: 0,
		holdersCreated: 0,
		badgesIssued: 0,
		badgesListed: 0,
		expiringBadges: 0,
	};
	let nodeTypes: string[] | undefined;
	for (const example of stack.examples) {
		if (example.trigger) {
			let result: ExampleRun;
			try {
				result = await runExample(stack, example);
			} catch (error) {
				const message = error instanceof Error ? error.message : String(error);
				importedOnly.push({ example, note: `could not run: ${message}`, ok: false });
				continue;
			}
			runs.push(result);
			for (const key of Object.keys(totals) as Array<keyof ExampleCounts>)
				totals[key] += result.summary.counts[key];
			// The same form submission again: a safe re-run creates and issues nothing.
			if (example.file.startsWith('01-')) runs.push(await runAgain(stack, example));
			continue;
		}
		if (badgeIssuedTrigger(example.workflow)) {
			triggerRuns.push({ example, demo: await triggerDemo(stack, example) });
			continue;
		}
		nodeTypes ??= await stack.server.nodeTypes();
		const toolNodes = example.workflow.nodes.filter((node) => node.type === MYPIT_TOOL_NODE_TYPE);
		const missing = [...new Set(example.workflow.nodes.map((node) => node.type))].filter(
			(type) => !nodeTypes!.includes(type),
		);
		const mcpTrigger = example.workflow.nodes.find((node) => node.type === MCP_TRIGGER_NODE_TYPE);
		const waitsFor = mcpTrigger
			? `serves MCP clients at /mcp/${String(mcpTrigger.parameters.path)} once published, with a Bearer token credential`
			: 'needs a chat model credential';
		importedOnly.push({
			example,
			ok: missing.length === 0,
			note:
				missing.length > 0
					? `imported, but n8n does not know the node types ${missing.join(', ')}`
					: toolNodes.length > 0
						? `imported, not run (${waitsFor}); ${toolNodes.length} MyPit tool nodes, n8n loaded ${MYPIT_TOOL_NODE_TYPE}`
						: 'imported, not run (it starts when activated: its trigger polls MyPit)',
		});
	}
	const ok =
		runs.every((result) => result.summary.ok) &&
		importedOnly.every((entry) => entry.ok) &&
		triggerRuns.every((entry) => entry.demo.ok);
	return { runs, importedOnly, triggerRuns, totals, ok };
}

/** A trigger demo that threw (n8n refused the activation, …) is a failed one, said plainly. */
async function triggerDemo(stack: Stack, example: ImportedExample): Promise<TriggerDemo> {
	const started = Date.now();
	try {
		return await runTriggerDemo(stack, example);
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		return { ok: false, lines: [], error: message, durationMs: Date.now() - started };
	}
}

/** Example 01 once more with the same submission; not ok unless it changed nothing. */
async function runAgain(stack: Stack, example: ImportedExample): Promise<ExampleRun> {
	const again = await runExample(stack, example);
	const writes = again.requests.filter((request) =>
		['/createHolder', '/updateHolder', '/issueBadge'].includes(request.path),
	);
	again.summary.lines.unshift(
		`Run again with the same submission: ${writes.length === 0 ? 'nothing created, updated or issued' : `${writes.length} write(s)!`}`,
	);
	if (writes.length > 0) {
		again.summary.ok = false;
		again.summary.error = `the second run sent ${writes.map((request) => request.path).join(', ')}`;
	}
	return again;
}
