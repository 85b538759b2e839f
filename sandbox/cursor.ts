/**
 * Opaque pagination cursors: base64url of `<table letter>:<sequence number>`, naming the position
 * just after the last record a page returned. The table letter keeps a holder cursor from being
 * accepted by the template listing.
 */
import { badRequest } from './errors';

export type CursorTable = 't' | 'h' | 'b';

const CURSOR_FIELD = 'paginationOpts.cursor';

export function encodeCursor(table: CursorTable, seq: number): string {
	return Buffer.from(`${table}:${seq}`, 'utf8').toString('base64url');
}

/** Sequence number a cursor points after; throws 400 naming paginationOpts.cursor when invalid. */
export function decodeCursor(table: CursorTable, cursor: string): number {
	const invalid = () => badRequest(`Invalid cursor in field "${CURSOR_FIELD}"`);
	if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw invalid();
	const text = Buffer.from(cursor, 'base64url').toString('utf8');
	const match = /^([thb]):(0|[1-9][0-9]{0,15})$/.exec(text);
	if (!match || match[1] !== table || encodeCursor(table, Number(match[2])) !== cursor)
		throw invalid();
	const seq = Number(match[2]);
	if (!Number.isSafeInteger(seq)) throw invalid();
	return seq;
}
