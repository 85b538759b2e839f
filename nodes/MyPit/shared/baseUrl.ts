import { InputError, parseUrl } from './validation';

/**
 * The secret key travels in a header, so the Base URL must be https://, or http:// to this
 * machine (localhost, 127.x.x.x or [::1]) for a local MyPit sandbox. The credential's
 * `authenticate` sends the key by the same rule (its SECRET_KEY_TARGET; the credential file
 * imports nothing from nodes/, test/unit/baseUrl.test.ts keeps the two equal).
 */
export const SECURE_BASE_URL =
	/^(https:\/\/|http:\/\/(localhost|127(\.\d{1,3}){3}|\[::1\])(:\d+)?(\/|$))/i;

export function requireSafeBaseUrl(value: unknown): string {
	const field = 'Base URL (MyPit credential)';
	const expected =
		'an https:// URL such as https://mypit-api.daosolution.io (http:// only for localhost)';
	const text = typeof value === 'string' ? value.trim() : '';
	const url = parseUrl(text);
	if (!url)
		throw new InputError(field, expected, text ? `"${text}", which is not a URL` : 'nothing');
	if (!SECURE_BASE_URL.test(text)) throw new InputError(field, expected, `"${url.origin}"`);
	if (url.search || url.hash || url.username) {
		throw new InputError(field, `${expected}, without query, fragment or user name`, `"${text}"`);
	}
	return text.replace(/\/+$/, '');
}
