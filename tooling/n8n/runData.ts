/** n8n's run data (IRun) as plain types, and readers for the items and errors of each node. */
/** An error as n8n serializes it (NodeApiError, NodeOperationError, WorkflowOperationError...). */
export interface N8nError {
	message: string;
	name?: string;
	description?: string | null;
	httpCode?: string | null;
	node?: { name?: string; type?: string; [key: string]: unknown };
	context?: Record<string, unknown>;
	stack?: string;
	[key: string]: unknown;
}

export interface N8nItem {
	json: Record<string, unknown>;
	binary?: Record<string, unknown>;
	pairedItem?: unknown;
	error?: N8nError;
	[key: string]: unknown;
}

/** One run of one node (n8n's ITaskData). */
export interface N8nTaskData {
	startTime?: number;
	executionTime?: number;
	executionStatus?: string;
	executionIndex?: number;
	source?: unknown[];
	hints?: unknown[];
	error?: N8nError;
	/** Outputs by connection type; `main[outputIndex]` is the item list of that output. */
	data?: Record<string, Array<N8nItem[] | null>>;
	[key: string]: unknown;
}

/** An execution as `n8n execute` prints it and as the REST API returns it (flatted decoded). */
export interface N8nRun {
	/** Execution id (server mode only; the CLI does not print it). */
	id?: string;
	status: string;
	finished: boolean;
	mode: string;
	startedAt?: string;
	stoppedAt?: string;
	/** The workflow-level error (set when a node failed without continue-on-fail). */
	error?: N8nError;
	lastNodeExecuted?: string;
	/** runData[nodeName][runIndex] */
	runData: Record<string, N8nTaskData[]>;
	/** Everything n8n returned. */
	raw: Record<string, unknown>;
}

/** Builds an N8nRun from an IRun-like object: `{ data: { resultData }, status, mode, ... }`. */
export function toN8nRun(raw: Record<string, unknown>): N8nRun {
	const data = raw.data as
		| {
				resultData?: {
					runData?: Record<string, N8nTaskData[]>;
					error?: N8nError;
					lastNodeExecuted?: string;
				};
		  }
		| undefined;
	if (!data || typeof data !== 'object' || !data.resultData) {
		throw new Error(`not n8n run data (no data.resultData): ${JSON.stringify(raw).slice(0, 500)}`);
	}
	const { resultData } = data;
	const status =
		typeof raw.status === 'string' ? raw.status : resultData.error ? 'error' : 'success';
	return {
		id: raw.id === undefined ? undefined : String(raw.id),
		status,
		finished: raw.finished === true,
		mode: String(raw.mode ?? ''),
		startedAt: raw.startedAt as string | undefined,
		stoppedAt: raw.stoppedAt as string | undefined,
		error: resultData.error,
		lastNodeExecuted: resultData.lastNodeExecuted,
		runData: resultData.runData ?? {},
		raw,
	};
}

/** Names of the nodes that ran, in execution order. */
export function executedNodes(run: N8nRun): string[] {
	return Object.entries(run.runData)
		.map(([name, tasks]) => ({ name, index: tasks[0]?.executionIndex ?? tasks[0]?.startTime ?? 0 }))
		.sort((a, b) => a.index - b.index)
		.map((entry) => entry.name);
}

export interface NodeOutputOptions {
	/** Which run of the node (loops run a node several times). Default 0. */
	runIndex?: number;
	/** Which output (IF/Switch/error output). Default 0. */
	outputIndex?: number;
	/** Connection type. Default 'main'. */
	connectionType?: string;
}

function taskOf(run: N8nRun, nodeName: string, runIndex = 0): N8nTaskData {
	const tasks = run.runData[nodeName];
	if (!tasks) {
		throw new Error(
			`node "${nodeName}" did not run; nodes that ran: ${executedNodes(run).join(', ') || '(none)'}${runErrorSuffix(run)}`,
		);
	}
	const task = tasks[runIndex];
	if (!task) throw new Error(`node "${nodeName}" has ${tasks.length} run(s), no run ${runIndex}`);
	return task;
}

/** The items a node emitted on one output. Throws if the node did not run or failed. */
export function nodeItems(
	run: N8nRun,
	nodeName: string,
	options: NodeOutputOptions = {},
): N8nItem[] {
	const task = taskOf(run, nodeName, options.runIndex);
	if (task.error) throw new Error(`node "${nodeName}" failed: ${formatN8nError(task.error)}`);
	const outputs = task.data?.[options.connectionType ?? 'main'] ?? [];
	return outputs[options.outputIndex ?? 0] ?? [];
}

/** The `json` of each item a node emitted (see nodeItems). */
export function nodeJson(
	run: N8nRun,
	nodeName: string,
	options: NodeOutputOptions = {},
): Array<Record<string, unknown>> {
	return nodeItems(run, nodeName, options).map((item) => item.json);
}

/** The error a node failed with, or undefined (throws if the node did not run). */
export function nodeError(run: N8nRun, nodeName: string, runIndex = 0): N8nError | undefined {
	return taskOf(run, nodeName, runIndex).error;
}

export function formatN8nError(error: N8nError): string {
	const parts = [error.message];
	if (error.description) parts.push(`(${error.description})`);
	if (error.httpCode) parts.push(`[HTTP ${error.httpCode}]`);
	if (error.node?.name) parts.push(`in node "${error.node.name}"`);
	return parts.join(' ');
}

function runErrorSuffix(run: N8nRun): string {
	return run.error ? `; the execution failed: ${formatN8nError(run.error)}` : '';
}

/** Throws a readable error unless the execution succeeded. Returns the run for chaining. */
export function assertRunSucceeded(run: N8nRun): N8nRun {
	if (run.status !== 'success' || run.error) {
		const failed = Object.entries(run.runData)
			.filter(([, tasks]) => tasks.some((task) => task.error))
			.map(([name]) => name);
		throw new Error(
			`n8n execution ${run.id ?? ''} ended with status "${run.status}"` +
				(run.error ? `: ${formatN8nError(run.error)}` : '') +
				(failed.length ? `; failed nodes: ${failed.join(', ')}` : ''),
		);
	}
	return run;
}
