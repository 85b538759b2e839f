/**
 * What the probe found: one finding per reading, "what this MyPit does" next to "what the node
 * does with it", with a verdict. The table and the JSON report are both built from these.
 */

/**
 * - handled: the node reads it as it should.
 * - observation: handled, and worth knowing (a fallback taken, a field the schema lacks, …).
 * - not-handled: the node reads it wrongly or stops: a reading nobody foresaw.
 * - not-observed: the probe could not see it (no records, a step skipped).
 * - failed: the step itself failed (network, an error answer); the rest was still tried.
 */
export type Verdict = 'handled' | 'observation' | 'not-handled' | 'not-observed' | 'failed';

export interface Finding {
	/** What the reading is about: "hello", "templates", "holders", "badges", "issue", … */
	subject: string;
	/** The reading the API document leaves open, e.g. "last page's cursor". */
	reading: string;
	/**
	 * A short machine-readable name for what was seen; the sandbox's own name for the reading
	 * where it has one (e.g. "null-required", "badge-ids"). null when nothing was seen.
	 */
	value: string | null;
	/** What this MyPit does, in words. */
	observed: string;
	/** What the node does with it, in words. */
	node: string;
	verdict: Verdict;
}

export const SUBJECT_LABELS: Record<string, string> = {
	hello: 'GET /hello',
	templates: 'Templates list',
	holders: 'Holders list',
	badges: 'Issued badges list',
	template: 'Template records',
	holder: 'Holder records',
	badge: 'Badge records',
	'template.write': 'Template writes',
	'holder.write': 'Holder writes',
	issue: 'issueBadge answer',
	probe: 'Probe',
};

export function notObserved(subject: string, reading: string, why: string): Finding {
	return { subject, reading, value: null, observed: why, node: '–', verdict: 'not-observed' };
}

/** A step that failed: what failed and MyPit's own message; the probe goes on. */
export function failedStep(subject: string, reading: string, error: unknown): Finding {
	return {
		subject,
		reading,
		value: null,
		observed: `step failed: ${describeError(error)}`,
		node: '–',
		verdict: 'failed',
	};
}

/** An error as one line: MyPit's message and HTTP status when it is an API error. */
export function describeError(error: unknown): string {
	const candidate = error as { message?: string; httpCode?: string | null; description?: string };
	const message = candidate?.message ?? String(error);
	return candidate?.httpCode ? `HTTP ${candidate.httpCode} "${message}"` : message;
}

export interface Tally {
	handled: number;
	observation: number;
	notHandled: number;
	notObserved: number;
	failed: number;
}

export function tally(findings: readonly Finding[]): Tally {
	const count = (verdict: Verdict) => findings.filter((f) => f.verdict === verdict).length;
	return {
		handled: count('handled'),
		observation: count('observation'),
		notHandled: count('not-handled'),
		notObserved: count('not-observed'),
		failed: count('failed'),
	};
}
