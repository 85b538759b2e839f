/**
 * Queue of injected faults. A request is matched against the queue in order; the first fault
 * whose path matches (or '*') owns the request: while its `skip` count lasts the request passes
 * untouched, otherwise the fault fires and one of its `times` is used up. Exhausted faults leave
 * the queue, so several faults for the same path fire one after another.
 */
import { FAULT_KINDS, type Fault } from './types';

export class ControlInputError extends Error {
	readonly status = 400;
}

interface QueuedFault {
	fault: Fault;
	timesLeft: number;
	skipLeft: number;
}

export class FaultQueue {
	private queue: QueuedFault[] = [];

	add(input: unknown): Fault {
		const fault = normalizeFault(input);
		this.queue.push({ fault, timesLeft: fault.times ?? 1, skipLeft: fault.skip ?? 0 });
		return fault;
	}

	/** The fault to apply to a request on `path`, if any (updates the counters). */
	take(path: string): Fault | undefined {
		const index = this.queue.findIndex((q) => q.fault.path === '*' || q.fault.path === path);
		if (index === -1) return undefined;
		const queued = this.queue[index];
		if (queued.skipLeft > 0) {
			queued.skipLeft -= 1;
			return undefined;
		}
		queued.timesLeft -= 1;
		if (queued.timesLeft <= 0) this.queue.splice(index, 1);
		return queued.fault;
	}

	pending(): Fault[] {
		return this.queue.map((q) => ({ ...q.fault, times: q.timesLeft, skip: q.skipLeft }));
	}

	clear(): void {
		this.queue = [];
	}
}

const FAULT_KEYS = new Set([
	'path',
	'kind',
	'status',
	'retryAfter',
	'message',
	'delayMs',
	'times',
	'skip',
	'afterProcessing',
]);

/** Checks a fault given by a caller (possibly over HTTP) and fills in defaults. */
export function normalizeFault(input: unknown): Fault {
	const bad = (message: string): never => {
		throw new ControlInputError(`Invalid fault: ${message}`);
	};
	if (typeof input !== 'object' || input === null || Array.isArray(input))
		return bad('expected an object');
	const raw = input as Record<string, unknown>;
	for (const key of Object.keys(raw)) if (!FAULT_KEYS.has(key)) bad(`unexpected field "${key}"`);

	const { path, kind } = raw;
	if (typeof path !== 'string' || (path !== '*' && !path.startsWith('/')))
		bad('"path" must be "*" or start with "/"');
	if (typeof path === 'string' && path.startsWith('/__sandbox'))
		bad('control paths cannot be faulted');
	if (typeof kind !== 'string' || !(FAULT_KINDS as readonly string[]).includes(kind)) {
		bad(`"kind" must be one of ${FAULT_KINDS.join(', ')}`);
	}
	const int = (key: string, min: number, max = Number.MAX_SAFE_INTEGER): number | undefined => {
		const value = raw[key];
		if (value === undefined) return undefined;
		if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
			return bad(`"${key}" must be an integer between ${min} and ${max}`);
		}
		return value;
	};
	const status = int('status', 100, 599);
	const retryAfter = int('retryAfter', 0);
	const delayMs = int('delayMs', 0, 600_000);
	const times = int('times', 1);
	const skip = int('skip', 0);
	if (raw.message !== undefined && typeof raw.message !== 'string')
		bad('"message" must be a string');
	if (raw.afterProcessing !== undefined && typeof raw.afterProcessing !== 'boolean')
		bad('"afterProcessing" must be a boolean');

	const fault: Fault = { path: path as string, kind: kind as Fault['kind'] };
	if (fault.kind === 'status') fault.status = status ?? 500;
	else if (status !== undefined) fault.status = status;
	if (retryAfter !== undefined) fault.retryAfter = retryAfter;
	if (raw.message !== undefined) fault.message = raw.message as string;
	if (fault.kind === 'delay') fault.delayMs = delayMs ?? 1000;
	else if (delayMs !== undefined) fault.delayMs = delayMs;
	fault.times = times ?? 1;
	fault.skip = skip ?? 0;
	if (raw.afterProcessing !== undefined) fault.afterProcessing = raw.afterProcessing as boolean;
	return fault;
}
