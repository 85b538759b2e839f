import { ENDPOINTS, type Endpoint } from '../../nodes/MyPit/transport/endpoints';

/**
 * The one place that lets a write through. Read-only (the default) refuses every write; after
 * Ctrl-C only the deletes of the clean-up pass. Checked by the transport for every request, so
 * no step can send a write the mode does not allow.
 */
export type WriteMode = 'read-only' | 'writes' | 'clean-up only';

const CLEAN_UP: readonly Endpoint[] = [ENDPOINTS.deleteTemplate, ENDPOINTS.deleteHolder];

export class WriteRefused extends Error {
	constructor(path: string, mode: WriteMode) {
		super(`The probe did not send ${path}: writes are not allowed now (${mode})`);
		this.name = 'WriteRefused';
	}
}

export class WriteGate {
	mode: WriteMode = 'read-only';

	/** Throws unless a request to this path may be sent now. */
	check(method: string, path: string): void {
		const endpoint = Object.values(ENDPOINTS).find((e) => e.path === path && e.method === method);
		// Only the API's own read endpoints are free; anything else counts as a write.
		if (endpoint?.read) return;
		if (this.mode === 'writes') return;
		if (this.mode === 'clean-up only' && endpoint && CLEAN_UP.includes(endpoint)) return;
		throw new WriteRefused(path, this.mode);
	}
}
