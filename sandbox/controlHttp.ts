/**
 * HTTP control surface under /__sandbox/ (no API auth, not logged, never faulted), for tests that
 * run the sandbox in another process. Each operation maps onto the in-process SandboxControl.
 */
import { ControlInputError, normalizeFault } from './faults';
import { checkOffDocument } from './offDocument';
import { checkReadings, type Readings } from './readings';
import type { ParsedBody } from './routes';
import { DEMO_ACCOUNT } from './state';
import type {
	Account,
	CursorRule,
	PaginationBehaviour,
	SandboxControl,
	SeedBadgeOptions,
	Template,
} from './types';

export const CONTROL_PREFIX = '/__sandbox';

interface ControlResult {
	status: number;
	body: unknown;
	headers?: Record<string, string>;
}

type ControlHandler = (body: unknown, control: SandboxControl) => ControlResult;

const okJson = (body: unknown, status = 200): ControlResult => ({ status, body });

function asObject(body: unknown, what: string): Record<string, unknown> {
	if (body === undefined || body === null) return {};
	if (typeof body !== 'object' || Array.isArray(body))
		throw new ControlInputError(`${what} body must be a JSON object`);
	return body as Record<string, unknown>;
}

function onlyKeys(obj: Record<string, unknown>, allowed: readonly string[], what: string): void {
	for (const key of Object.keys(obj)) {
		if (!allowed.includes(key)) throw new ControlInputError(`Unexpected field "${key}" in ${what}`);
	}
}

function seed(body: unknown, control: SandboxControl): ControlResult {
	const b = asObject(body, 'seed');
	onlyKeys(b, ['userId', 'templates', 'holders', 'badges'], 'seed');
	const userId = b.userId;
	if (typeof userId !== 'string') throw new ControlInputError('seed: "userId" must be a string');

	const countOf = (value: unknown, what: string): number => {
		if (typeof value === 'number') return value;
		const count = asObject(value, what).count;
		if (typeof count !== 'number')
			throw new ControlInputError(`seed: "${what}" must be a number or {count, ...}`);
		return count;
	};

	const created = { templates: [] as string[], holders: [] as string[], badges: [] as string[] };
	if (b.templates !== undefined) {
		const spec =
			typeof b.templates === 'object' && b.templates !== null
				? asObject(b.templates, 'templates')
				: {};
		onlyKeys(spec, ['count', 'overrides'], 'seed.templates');
		const overrides =
			spec.overrides === undefined
				? undefined
				: (asObject(spec.overrides, 'templates.overrides') as Partial<Template>);
		created.templates = control
			.seedTemplates(userId, countOf(b.templates, 'templates'), overrides)
			.map((t) => t._id);
	}
	if (b.holders !== undefined) {
		created.holders = control.seedHolders(userId, countOf(b.holders, 'holders')).map((h) => h._id);
	}
	if (b.badges !== undefined) {
		const spec =
			typeof b.badges === 'object' && b.badges !== null ? asObject(b.badges, 'badges') : {};
		onlyKeys(
			spec,
			['count', 'templateId', 'recipientIds', 'expiresInDays', 'issuedDaysAgo'],
			'seed.badges',
		);
		const opts: SeedBadgeOptions = {};
		if (spec.templateId !== undefined) opts.templateId = String(spec.templateId);
		if (spec.recipientIds !== undefined) opts.recipientIds = spec.recipientIds as string[];
		if (spec.expiresInDays !== undefined) {
			const days = spec.expiresInDays;
			if (typeof days !== 'number')
				throw new ControlInputError('seed.badges.expiresInDays must be a number over HTTP');
			opts.expiresInDays = () => days;
		}
		if (spec.issuedDaysAgo !== undefined) {
			const ago = spec.issuedDaysAgo;
			if (typeof ago !== 'number')
				throw new ControlInputError('seed.badges.issuedDaysAgo must be a number over HTTP');
			opts.issuedDaysAgo = () => ago;
		}
		created.badges = control
			.seedBadges(userId, countOf(b.badges, 'badges'), opts)
			.map((badge) => badge._id);
	}
	return okJson({
		userId,
		...created,
		counts: {
			templates: created.templates.length,
			holders: created.holders.length,
			badges: created.badges.length,
		},
	});
}

function config(body: unknown, control: SandboxControl): ControlResult {
	const b = asObject(body, 'config');
	onlyKeys(b, ['pageCap', 'paginationBehaviour', 'cursorRule', 'readings'], 'config');
	// Validate everything before changing anything.
	const before = control.getConfig();
	const readings = b.readings === undefined ? undefined : checkReadings(b.readings);
	try {
		if (b.pageCap !== undefined) control.setPageCap(b.pageCap as number);
		if (b.paginationBehaviour !== undefined)
			control.setPaginationBehaviour(b.paginationBehaviour as PaginationBehaviour);
		if (b.cursorRule !== undefined) control.setCursorRule(b.cursorRule as CursorRule);
	} catch (error) {
		control.setPageCap(before.pageCap);
		control.setPaginationBehaviour(before.paginationBehaviour);
		control.setCursorRule(before.cursorRule);
		throw error;
	}
	if (readings) control.setReadings(readings);
	return okJson(control.getConfig());
}

const HANDLERS: Record<string, Partial<Record<string, ControlHandler>>> = {
	'/demo': { GET: () => okJson({ ...DEMO_ACCOUNT }) },
	'/accounts': {
		POST: (body, control) =>
			okJson(control.createAccount(asObject(body, 'accounts') as Partial<Account>), 201),
	},
	'/seed': { POST: (body, control) => seed(body, control) },
	'/faults': {
		GET: (_body, control) => okJson({ faults: control.pendingFaults() }),
		POST: (body, control) => {
			// Check every fault first so that one bad entry queues nothing.
			const faults = (Array.isArray(body) ? body : [body]).map(normalizeFault);
			for (const fault of faults) control.injectFault(fault);
			return okJson({ queued: faults }, 201);
		},
		DELETE: (_body, control) => {
			control.clearFaults();
			return okJson({ cleared: true });
		},
	},
	'/log': {
		GET: (_body, control) => okJson({ requests: control.requestLog() }),
		DELETE: (_body, control) => {
			control.clearLog();
			return okJson({ cleared: true });
		},
	},
	'/config': {
		GET: (_body, control) => okJson(control.getConfig()),
		POST: (body, control) => config(body, control),
	},
	'/readings': {
		GET: (_body, control) => okJson(control.getReadings()),
		// {readings, clientId?}: for the whole sandbox, or for one account.
		POST: (body, control) => {
			const b = asObject(body, 'readings');
			onlyKeys(b, ['readings', 'clientId'], 'readings');
			if (b.clientId !== undefined && typeof b.clientId !== 'string')
				throw new ControlInputError('readings: "clientId" must be a string');
			control.setReadings(
				checkReadings(b.readings) as Partial<Readings>,
				b.clientId as string | undefined,
			);
			return okJson(control.getReadings(b.clientId as string | undefined));
		},
	},
	'/off-document': {
		GET: (_body, control) => okJson(control.getOffDocument()),
		// {switches, clientId?}: for the whole sandbox, or for one account.
		POST: (body, control) => {
			const b = asObject(body, 'off-document');
			onlyKeys(b, ['switches', 'clientId'], 'off-document');
			if (b.clientId !== undefined && typeof b.clientId !== 'string')
				throw new ControlInputError('off-document: "clientId" must be a string');
			const clientId = b.clientId as string | undefined;
			control.setOffDocument(checkOffDocument(b.switches), clientId);
			return okJson(control.getOffDocument(clientId));
		},
	},
	'/in-flight': {
		GET: (_body, control) => okJson(control.inFlight()),
		DELETE: (_body, control) => {
			control.resetInFlight();
			return okJson(control.inFlight());
		},
	},
	'/latency': {
		GET: (_body, control) => okJson({ latencyMs: control.getLatency() }),
		POST: (body, control) => {
			const b = asObject(body, 'latency');
			onlyKeys(b, ['latencyMs'], 'latency');
			control.setLatency(b.latencyMs as number);
			return okJson({ latencyMs: control.getLatency() });
		},
	},
	'/list-shape': {
		GET: (_body, control) => okJson(control.getListShape()),
		POST: (body, control) => {
			control.setListShape(asObject(body, 'list-shape'));
			return okJson(control.getListShape());
		},
	},
	'/reset': {
		POST: (_body, control) => {
			control.reset();
			return okJson({ reset: true });
		},
	},
};

/** Handles a request whose path starts with /__sandbox/. */
export function handleControl(
	method: string,
	path: string,
	parsed: ParsedBody,
	control: SandboxControl,
): ControlResult {
	const error = (
		status: number,
		message: string,
		headers?: Record<string, string>,
	): ControlResult => ({
		status,
		body: { error: message, status },
		headers,
	});
	const sub = path.slice(CONTROL_PREFIX.length);
	const methods = Object.prototype.hasOwnProperty.call(HANDLERS, sub) ? HANDLERS[sub] : undefined;
	if (!methods) return error(404, `Unknown control route: ${method} ${path}`);
	const handler = methods[method];
	if (!handler)
		return error(405, `Method ${method} not allowed on ${path}`, {
			Allow: Object.keys(methods).join(', '),
		});
	if (parsed.kind === 'invalid') return error(400, 'Invalid JSON body');
	try {
		return handler(parsed.kind === 'json' ? parsed.value : undefined, control);
	} catch (caught) {
		if (caught instanceof ControlInputError) return error(400, caught.message);
		const message = caught instanceof Error ? caught.message : String(caught);
		return error(500, `Control operation failed: ${message}`);
	}
}
