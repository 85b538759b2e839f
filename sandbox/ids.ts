import { randomBytes } from 'node:crypto';

/**
 * Record ids: `<prefix>_<base36 sequence><4 random base36 chars>`.
 * Cheap enough to mint 100,000 of them in a few milliseconds; the random tail keeps ids
 * from two sandbox runs from colliding.
 */
export function newId(prefix: string, seq: number): string {
	const tail = Math.floor(Math.random() * 1679616) // 36^4
		.toString(36)
		.padStart(4, '0');
	return `${prefix}_${seq.toString(36)}${tail}`;
}

/** Random hex token for generated client ids and secrets (not for hot paths). */
export function randomToken(bytes: number): string {
	return randomBytes(bytes).toString('hex');
}
