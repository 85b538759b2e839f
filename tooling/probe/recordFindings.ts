/* eslint-disable @n8n/community-nodes/require-node-api-error -- not shipped: n8n Cloud rules apply to nodes/ and credentials/ */
import type { IDataObject } from 'n8n-workflow';

import type { RecordKind } from '../../nodes/MyPit/operations/simplify';
import {
	InputError,
	requireNonNegativeNumber,
	requirePositiveInteger,
} from '../../nodes/MyPit/shared/validation';
import { SECONDS_BELOW } from '../../nodes/MyPit/operations/readableDates';
import { timestampOf } from '../../nodes/MyPitTrigger/triggerState';
import { DOCUMENT_FIELDS, NODE_NEEDS, TIMESTAMP_USES, schemaFields } from './documentFields';
import type { SeenRecords } from './context';
import type { Finding } from './findings';

/** The field, number and timestamp checks over every record the probe saw, per kind. */
export function seenRecordFindings(seen: SeenRecords): Finding[] {
	return (['template', 'holder', 'badge'] as const).flatMap((kind) =>
		recordFindings(kind, seen.all(kind)),
	);
}

/** What the records of one kind showed: their fields, numbers and timestamps. */
export function recordFindings(kind: RecordKind, records: readonly IDataObject[]): Finding[] {
	if (records.length === 0) {
		return [
			{
				subject: kind,
				reading: 'fields',
				value: null,
				observed: 'no record to look at (--write creates one)',
				node: '–',
				verdict: 'not-observed',
			},
		];
	}
	const findings = [fieldsFinding(kind, records), timestampsFinding(kind, records)];
	if (kind === 'template') findings.splice(1, 0, numbersFinding(records));
	return findings;
}

const has = (record: IDataObject, field: string) => record[field] !== undefined;

function fieldsFinding(kind: RecordKind, records: readonly IDataObject[]): Finding {
	const document = DOCUMENT_FIELDS[kind];
	const documented = new Set([...document.required, ...document.optional]);
	const present = new Set(records.flatMap((record) => Object.keys(record)));
	const missingIn = (field: string) => records.filter((record) => !has(record, field)).length;
	const missing = document.required.filter((field) => missingIn(field) > 0);
	const missingOptional = document.optional.filter((field) => missingIn(field) === records.length);
	const extra = [...present].filter((field) => !documented.has(field));
	const schema = schemaFields(kind);
	const notInSchema = [...present].filter((field) => !schema.has(field));
	const needed = Object.keys(NODE_NEEDS[kind]).filter((field) => missingIn(field) > 0);

	const seen = [
		missing.length === 0
			? 'every field the document lists'
			: `without ${missing.map((field) => `${field} (${missingIn(field)} of ${records.length})`).join(', ')}`,
		missingOptional.length > 0 ? `none has ${missingOptional.join(', ')} (optional)` : '',
		extra.length > 0 ? `more than documented: ${extra.join(', ')}` : '',
	];
	const observed = `${seen.filter(Boolean).join('; ')} (${records.length} record${records.length === 1 ? '' : 's'})`;
	if (needed.length > 0) {
		return {
			subject: kind,
			reading: 'fields',
			value: 'sparse',
			observed,
			node: `cannot do without ${needed.map((field) => `${field} (${NODE_NEEDS[kind][field]})`).join(', ')}`,
			verdict: 'not-handled',
		};
	}
	const node = [
		'outputs records as MyPit sends them; Simplify picks what is there',
		notInSchema.length > 0
			? `the output schema (editor, before a run) lacks ${notInSchema.join(', ')}`
			: '',
	];
	return {
		subject: kind,
		reading: 'fields',
		value: missing.length === 0 ? 'full' : 'sparse',
		observed,
		node: node.filter(Boolean).join('; '),
		verdict: missing.length > 0 || notInSchema.length > 0 ? 'observation' : 'handled',
	};
}

/** Template numbers as Issue and Update Template read them (the node's own input rules). */
function numbersFinding(records: readonly IDataObject[]): Finding {
	const readers: Record<string, (value: unknown, field: string) => number> = {
		validityPeriod: requirePositiveInteger,
		price: requireNonNegativeNumber,
	};
	const kinds = new Set<string>();
	const problems: string[] = [];
	for (const record of records) {
		for (const [field, read] of Object.entries(readers)) {
			const value = record[field];
			if (value === undefined) continue;
			kinds.add(
				typeof value === 'number'
					? 'numbers'
					: typeof value === 'string'
						? 'strings'
						: typeof value,
			);
			try {
				read(value, field);
			} catch (error) {
				if (!(error instanceof InputError)) throw error;
				problems.push(error.message);
			}
		}
	}
	const value = kinds.size === 0 ? null : [...kinds].sort().join('+');
	const base = { subject: 'template', reading: 'numbers (validityPeriod, price)', value };
	if (problems.length > 0) {
		return {
			...base,
			observed: `values the node cannot read: ${problems[0]}`,
			node: 'Issue and Update Template stop on these templates',
			verdict: 'not-handled',
		};
	}
	if (value === 'numbers') {
		return {
			...base,
			observed: 'JSON numbers',
			node: 'reads them as they are',
			verdict: 'handled',
		};
	}
	return {
		...base,
		observed: value === null ? 'absent' : `as ${value === 'strings' ? 'text ("30")' : value}`,
		node: 'Issue and Update Template read them as numbers and send numbers; Get Many outputs them as sent',
		verdict: value === null ? 'not-observed' : 'observation',
	};
}

type StampKind =
	'numbers' | 'seconds' | 'strings' | 'seconds-strings' | 'iso' | 'missing' | 'other';

function stampKind(value: unknown): StampKind {
	if (value === undefined || value === null) return 'missing';
	if (typeof value === 'number') return value < SECONDS_BELOW ? 'seconds' : 'numbers';
	if (typeof value === 'string' && /^\d+$/.test(value))
		return Number(value) < SECONDS_BELOW ? 'seconds-strings' : 'strings';
	if (typeof value === 'string' && Number.isFinite(Date.parse(value))) return 'iso';
	return 'other';
}

const STAMP_WORDS: Record<StampKind, string> = {
	numbers: 'milliseconds since 1970, as JSON numbers',
	seconds: 'seconds since 1970, as JSON numbers',
	strings: 'milliseconds as text ("1700000000000")',
	'seconds-strings': 'seconds as text ("1700000000")',
	iso: 'ISO 8601 text',
	missing: 'missing',
	other: 'neither numbers nor dates',
};

/** The timestamps the node reads, through the MyPit Trigger's own `timestampOf`. */
function timestampsFinding(kind: RecordKind, records: readonly IDataObject[]): Finding {
	const uses = TIMESTAMP_USES[kind];
	const fields = Object.keys(uses);
	const kinds = new Set<StampKind>();
	const unreadable = new Set<string>();
	for (const record of records) {
		for (const field of fields) {
			const stamp = stampKind(record[field]);
			kinds.add(stamp);
			if (timestampOf(record, field) === undefined) unreadable.add(field);
		}
	}
	const value = [...kinds].sort().join('+');
	const observed = `${fields.join(', ')}: ${[...kinds].map((stamp) => STAMP_WORDS[stamp]).join(' / ')}`;
	const reading = 'timestamps';
	const inSeconds = kinds.has('seconds') || kinds.has('seconds-strings');
	if (unreadable.size > 0) {
		return {
			subject: kind,
			reading,
			value,
			observed,
			node: `the node reads timestamps as numbers or numeric text, in milliseconds or seconds: ${[...unreadable].map((field) => `${uses[field]} cannot use ${field}`).join('; ')}`,
			verdict: 'not-handled',
		};
	}
	return {
		subject: kind,
		reading,
		value,
		observed,
		node: inSeconds
			? `read as seconds (numbers below 10^11) by ${Object.values(uses).join(', ')}${kind === 'template' ? '; Update Template sends updatedAt in seconds too' : ''}`
			: `read by ${Object.values(uses).join(', ')}`,
		// Worth knowing: every other reader of these records (Luxon's fromMillis, a Date) must
		// multiply by 1000.
		verdict: inSeconds ? 'observation' : 'handled',
	};
}
