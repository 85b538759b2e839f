/* eslint-disable @n8n/community-nodes/require-node-api-error -- not shipped: n8n Cloud rules apply to nodes/ and credentials/ */
/**
 * Reading what a MyPit tool answered, whatever the answer's outer shape (a list of items, an
 * object with the records and a note on how many more matched, text around JSON): the objects in
 * it that carry a given field. A scripted model takes IDs from them as a real model would.
 */

/** Every object (at any depth) in a parsed answer that has `field`, in order. */
export function recordsWith(answer: unknown, field: string): Array<Record<string, unknown>> {
	const found: Array<Record<string, unknown>> = [];
	const walk = (value: unknown): void => {
		if (Array.isArray(value)) {
			value.forEach(walk);
			return;
		}
		if (!value || typeof value !== 'object') return;
		const record = value as Record<string, unknown>;
		if (field in record) found.push(record);
		Object.values(record).forEach(walk);
	};
	walk(answer);
	return found;
}

/** Parses a tool answer's text as JSON (n8n sends tool results as JSON text). */
export function parseAnswer(content: string): unknown {
	try {
		return JSON.parse(content) as unknown;
	} catch {
		throw new Error(`the tool answer is not JSON: ${content.slice(0, 300)}`);
	}
}
