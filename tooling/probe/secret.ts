/** What stands where the secret key was. */
export const SECRET_REMOVED = '[secret removed]';

/** Inside of a JSON string: quotes, backslashes and control characters escaped. */
const jsonEscaped = (text: string) => JSON.stringify(text).slice(1, -1);

/** Inside of a JSON string written in ASCII only: every other character as \uXXXX (either case). */
function asciiJsonEscaped(text: string): string[] {
	const escape = (hex: (code: number) => string) =>
		jsonEscaped(text).replace(/[^\x20-\x7e]/g, (char) => `\\u${hex(char.charCodeAt(0))}`);
	return [
		escape((code) => code.toString(16).padStart(4, '0')),
		escape((code) => code.toString(16).toUpperCase().padStart(4, '0')),
	];
}

/** URL-encoded: as encodeURIComponent writes it, as a form (+ for a space), hex in either case. */
function urlEncoded(text: string): string[] {
	const encoded = encodeURIComponent(text).replace(
		/[!'()*]/g,
		(char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
	);
	const lower = encoded.replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase());
	const forms = [encodeURIComponent(text), encoded, lower];
	return [...forms, ...forms.map((form) => form.replace(/%20/gi, '+'))];
}

/**
 * Every way the secret key may be written in what the probe prints or writes: as is,
 * URL-encoded, and each of those inside a JSON string (once, or twice for JSON text kept as a
 * string), with non-ASCII characters as they are or as \u escapes. Longest first, so a longer
 * form is replaced whole before a shorter one inside it.
 */
export function secretForms(secret: string): string[] {
	if (secret.length === 0) return [];
	const forms = new Set<string>();
	for (const plain of [secret, ...urlEncoded(secret)]) {
		for (const once of [plain, jsonEscaped(plain), ...asciiJsonEscaped(plain)]) {
			forms.add(once);
			forms.add(jsonEscaped(once));
		}
	}
	return [...forms].sort((a, b) => b.length - a.length);
}

/**
 * The text with every occurrence of the secret key replaced, in every form of `secretForms`:
 * for everything the probe prints or writes, whatever MyPit echoed back.
 */
export function removeSecret(text: string, secret: string): string {
	let out = text;
	for (const form of secretForms(secret)) out = out.split(form).join(SECRET_REMOVED);
	return out;
}
