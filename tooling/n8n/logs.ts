/** n8n's console output: JSON log lines parsed, and a readable tail for error messages. */
export interface N8nLogEntry {
	level: string;
	message: string;
	metadata?: Record<string, unknown>;
}

/** Parses n8n's JSON console log (N8N_LOG_FORMAT=json); other lines become level "raw". */
export function parseLogLines(output: string): N8nLogEntry[] {
	const entries: N8nLogEntry[] = [];
	for (const line of output.split('\n')) {
		if (!line.trim()) continue;
		try {
			const parsed = JSON.parse(line) as Partial<N8nLogEntry>;
			if (parsed && typeof parsed === 'object' && typeof parsed.message === 'string') {
				entries.push({
					level: String(parsed.level ?? 'info'),
					message: parsed.message,
					metadata: parsed.metadata,
				});
				continue;
			}
		} catch {
			// not a log line
		}
		entries.push({ level: 'raw', message: line });
	}
	return entries;
}

export function tail(text: string, lines = 40, maxChars = 6000): string {
	const cut = text.split('\n').slice(-lines).join('\n');
	return cut.length > maxChars ? '…' + cut.slice(-maxChars) : cut;
}

/** The last log messages (JSON unwrapped) and stderr, for error messages. */
export function describeOutput(result: { stdout: string; stderr: string }): string {
	const logText = parseLogLines(result.stdout)
		.map(
			(entry) =>
				`[${entry.level}] ${entry.message.length > 800 ? entry.message.slice(0, 800) + '…' : entry.message}`,
		)
		.join('\n');
	return `--- n8n log (tail) ---\n${tail(logText)}\n--- stderr (tail) ---\n${tail(result.stderr)}`;
}
