import type { IDataObject } from 'n8n-workflow';

import { ENDPOINTS, documentedAnswer, type Endpoint } from '../../nodes/MyPit/transport/endpoints';
import type { Finding } from './findings';

/** The shape of a create/update/delete answer, by the sandbox's names for the `writeAnswer` reading. */
export function writeAnswerShape(raw: unknown): string {
	if (typeof raw === 'string') return 'id-string';
	if (raw !== null && typeof raw === 'object' && !Array.isArray(raw)) {
		const keys = Object.keys(raw);
		if (typeof (raw as IDataObject)._id === 'string')
			return keys.length === 1 ? 'id-object' : 'record';
		return `object without _id (${keys.join(', ') || 'empty'})`;
	}
	return raw === null ? 'null' : typeof raw;
}

const WORDS: Record<string, string> = {
	record: 'the record',
	'id-object': '{_id}',
	'id-string': 'the bare ID as a JSON string',
};

/** A template or holder write's answer, and what the node's `documentedAnswer` makes of it. */
export function writeAnswerFinding(
	subject: string,
	reading: string,
	endpoint: Endpoint,
	raw: unknown,
): Finding {
	const value = writeAnswerShape(raw);
	const read = documentedAnswer(endpoint, raw) as IDataObject | undefined;
	const id = read !== null && typeof read === 'object' ? read._id : undefined;
	if (typeof id !== 'string') {
		return {
			subject,
			reading,
			value,
			observed: `unexpected: ${JSON.stringify(raw)?.slice(0, 80)}`,
			node: 'finds no _id in it: the operation outputs no record ID',
			verdict: 'not-handled',
		};
	}
	const documented = value === 'record' || value === 'id-object';
	return {
		subject,
		reading,
		value,
		observed: WORDS[value] ?? value,
		node: documented ? 'outputs it' : 'reads it as {_id} and outputs that',
		verdict: documented ? 'handled' : 'observation',
	};
}

/** deleteHolder's answer, by the sandbox's names for the `deleteHolderAnswer` reading. */
export function deleteHolderFinding(raw: unknown): Finding {
	const value =
		raw === true
			? 'true'
			: raw === null
				? 'null'
				: raw === ''
					? 'empty'
					: raw !== null && typeof raw === 'object' && (raw as IDataObject).success === true
						? 'success'
						: 'other';
	const read = documentedAnswer(ENDPOINTS.deleteHolder, raw) as IDataObject | null;
	const base = { subject: 'holder.write', reading: 'delete answer', value };
	if (read?.success !== true) {
		return {
			...base,
			observed: `unexpected: ${JSON.stringify(raw)}`,
			node: 'does not read it as a success',
			verdict: 'not-handled',
		};
	}
	return {
		...base,
		observed:
			value === 'success'
				? '{success: true}'
				: `a bare ${value === 'empty' ? 'empty body' : JSON.stringify(raw)}`,
		node: value === 'success' ? 'outputs it' : 'reads it as {success: true}',
		verdict: value === 'success' ? 'handled' : 'observation',
	};
}
