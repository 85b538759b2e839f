/** Low-level HTTP helpers: reading bodies, sending JSON, and the misbehaving responses of faults. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { STATUS_CODES } from 'node:http';
import type { ParsedBody } from './routes';
import type { Fault } from './types';

const MAX_BODY_BYTES = 16 * 1024 * 1024;

type RawBody = { tooLarge: false; text: string } | { tooLarge: true };

export function readBody(req: IncomingMessage): Promise<RawBody> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		let tooLarge = false;
		req.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size > MAX_BODY_BYTES) tooLarge = true;
			else chunks.push(chunk);
		});
		req.on('end', () =>
			resolve(
				tooLarge
					? { tooLarge: true }
					: { tooLarge: false, text: Buffer.concat(chunks).toString('utf8') },
			),
		);
		req.on('error', reject);
	});
}

export function parseJsonBody(text: string): ParsedBody {
	if (text.trim() === '') return { kind: 'none' };
	try {
		return { kind: 'json', value: JSON.parse(text) as unknown };
	} catch {
		return { kind: 'invalid', raw: text };
	}
}

/** The body as it goes into the request log: parsed JSON, raw text, or undefined. */
export function loggedBody(parsed: ParsedBody): unknown {
	if (parsed.kind === 'json') return parsed.value;
	if (parsed.kind === 'invalid') return parsed.raw;
	return undefined;
}

export function sendJson(
	res: ServerResponse,
	status: number,
	body: unknown,
	headers: Record<string, string> = {},
): void {
	const text = JSON.stringify(body);
	res.writeHead(status, {
		'Content-Type': 'application/json; charset=utf-8',
		'Content-Length': Buffer.byteLength(text),
		...headers,
	});
	res.end(text);
}

const DEFAULT_FAULT_MESSAGES: Record<number, string> = {
	429: 'Too many requests',
	500: 'Internal server error',
	502: 'Bad gateway',
	503: 'Service unavailable',
	504: 'Gateway timeout',
};

const NON_JSON_PAGE =
	'<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1><p>The upstream server returned an invalid response.</p></body></html>';

/**
 * Answers with the fault's misbehaviour instead of (or, after processing, in place of) the real
 * response, and returns the status the client saw (0 when nothing was sent). `realBody` is the
 * response the endpoint produced when the fault fires after processing.
 */
export function sendFault(res: ServerResponse, fault: Fault, realBody?: unknown): number {
	switch (fault.kind) {
		case 'status': {
			const status = fault.status ?? 500;
			const message =
				fault.message ?? DEFAULT_FAULT_MESSAGES[status] ?? STATUS_CODES[status] ?? `HTTP ${status}`;
			const headers: Record<string, string> =
				fault.retryAfter === undefined ? {} : { 'Retry-After': String(fault.retryAfter) };
			sendJson(res, status, { error: message, status }, headers);
			return status;
		}
		case 'drop':
			res.socket?.destroy();
			return 0;
		case 'truncate': {
			const full = Buffer.from(
				JSON.stringify(
					realBody ?? {
						error: 'This response is cut short by the sandbox',
						status: 200,
						padding: 'x'.repeat(64),
					},
				),
				'utf8',
			);
			const half = full.subarray(0, Math.max(1, Math.floor(full.length / 2)));
			res.writeHead(200, {
				'Content-Type': 'application/json; charset=utf-8',
				'Content-Length': full.length,
			});
			res.write(half, () => res.socket?.destroy());
			return 200;
		}
		case 'non-json':
			res.writeHead(200, {
				'Content-Type': 'text/html; charset=utf-8',
				'Content-Length': Buffer.byteLength(NON_JSON_PAGE),
			});
			res.end(NON_JSON_PAGE);
			return 200;
		case 'delay':
			throw new Error('a delay fault has no response of its own');
	}
}
