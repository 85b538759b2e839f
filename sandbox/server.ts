/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- not shipped: n8n Cloud rules apply to nodes/ and credentials/ */
/** HTTP wiring: one server, API routes plus the /__sandbox/ control surface. */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createControl } from './control';
import { CONTROL_PREFIX, handleControl } from './controlHttp';
import { loggedBody, parseJsonBody, readBody, sendFault, sendJson } from './http';
import { handleApi } from './routes';
import { DEFAULT_PAGE_CAP, DEMO_ACCOUNT, SandboxState } from './state';
import type { Sandbox, SandboxControl, SandboxOptions } from './types';

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
	const pageCap = options.pageCap ?? DEFAULT_PAGE_CAP;
	if (!Number.isInteger(pageCap) || pageCap < 1)
		throw new Error('pageCap must be a positive integer');
	const host = options.host ?? '127.0.0.1';
	const state = new SandboxState(pageCap, options.seedDemo ?? true, options.readings);
	if (options.latencyMs !== undefined) state.load.setStartLatency(options.latencyMs);
	const control = createControl(state);
	const timers = new Set<NodeJS.Timeout>();

	const sleep = (ms: number) =>
		new Promise<void>((resolve) => {
			const timer = setTimeout(() => {
				timers.delete(timer);
				resolve();
			}, ms);
			timers.add(timer);
		});

	const server = createServer((req, res) => {
		handle(req, res, state, control, sleep).catch((error: unknown) => {
			if (!options.quiet) console.error('[mypit-sandbox] request failed:', error);
			if (!res.headersSent) sendJson(res, 500, { error: 'Internal server error', status: 500 });
			else res.destroy();
		});
	});

	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, host, () => {
			server.off('error', reject);
			resolve();
		});
	});

	const { port } = server.address() as AddressInfo;
	let closing: Promise<void> | undefined;
	return {
		url: `http://${urlHost(host)}:${port}`,
		demo: { ...DEMO_ACCOUNT },
		control,
		close() {
			closing ??= new Promise<void>((resolve) => {
				for (const timer of timers) clearTimeout(timer);
				timers.clear();
				server.close(() => resolve());
				server.closeAllConnections();
			});
			return closing;
		},
	};
}

function urlHost(host: string): string {
	if (host === '0.0.0.0') return '127.0.0.1';
	if (host === '::') return '[::1]';
	return host.includes(':') ? `[${host}]` : host;
}

function clientIdHeader(req: IncomingMessage): string {
	const value = req.headers.clientid;
	return (Array.isArray(value) ? value[0] : value) ?? '';
}

async function handle(
	req: IncomingMessage,
	res: ServerResponse,
	state: SandboxState,
	control: SandboxControl,
	sleep: (ms: number) => Promise<void>,
): Promise<void> {
	const method = req.method ?? 'GET';
	const path = new URL(req.url ?? '/', 'http://sandbox').pathname;
	const raw = await readBody(req);
	const isControl = path === CONTROL_PREFIX || path.startsWith(`${CONTROL_PREFIX}/`);

	if (raw.tooLarge) {
		if (!isControl) state.log.start(method, path, req.headers, undefined).status = 413;
		sendJson(res, 413, { error: 'Request body too large', status: 413 });
		return;
	}
	const parsed = parseJsonBody(raw.text);

	if (isControl) {
		const result = handleControl(method, path, parsed, control);
		sendJson(res, result.status, result.body, result.headers);
		return;
	}

	const entry = state.log.start(method, path, req.headers, loggedBody(parsed));
	// In flight from arrival until the response is out or the connection is gone.
	res.once('close', state.load.enter(clientIdHeader(req)));
	if (state.load.latencyMs > 0) await sleep(state.load.latencyMs);
	const fault = state.faults.take(path);
	if (fault) entry.fault = fault.kind;
	if (fault?.kind === 'delay') await sleep(fault.delayMs ?? 0);
	if (fault && fault.kind !== 'delay' && !fault.afterProcessing) {
		entry.status = sendFault(res, fault);
		return;
	}

	const result = handleApi({ method, path, headers: req.headers, body: parsed }, state);
	if (fault && fault.kind !== 'delay') {
		entry.status = sendFault(res, fault, result.body);
		return;
	}
	entry.status = result.status;
	sendJson(res, result.status, result.body, result.headers);
}
