/** What stands where the secret key was. */
export const SECRET_REMOVED = '[secret removed]';

/**
 * The text with every occurrence of the secret key replaced, as written and as JSON escapes it:
 * for everything the probe prints or writes, whatever MyPit echoed back.
 */
export function removeSecret(text: string, secret: string): string {
	let out = text;
	for (const form of new Set([secret, JSON.stringify(secret).slice(1, -1)])) {
		if (form.length > 0) out = out.split(form).join(SECRET_REMOVED);
	}
	return out;
}
