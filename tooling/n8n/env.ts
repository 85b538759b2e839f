/* eslint-disable @n8n/community-nodes/no-restricted-globals -- not shipped: n8n Cloud rules apply to nodes/ and credentials/ */
/** The environment of every n8n process: offline, quiet, JSON logs, nothing inherited that steers n8n. */
import type { N8nPaths } from './paths';

export interface N8nHome {
	paths: N8nPaths;
	/** N8N_USER_FOLDER. n8n keeps its files in `<dir>/.n8n`. */
	dir: string;
	/** `<dir>/.n8n/nodes`: where community packages are installed (`node_modules` inside). */
	nodesDir: string;
	/** Environment for every n8n process of this home (on top of a cleaned process.env). */
	env: Record<string, string>;
	/** Removes the folder. */
	cleanup(): Promise<void>;
}

/** Settings that make CLI runs offline, quiet and machine-readable. */
export function baseEnv(userFolder: string): Record<string, string> {
	return {
		N8N_USER_FOLDER: userFolder,
		DB_TYPE: 'sqlite',
		// `n8n execute` prints its result through the logger at level info: keep info, as JSON lines.
		N8N_LOG_LEVEL: 'info',
		N8N_LOG_FORMAT: 'json',
		N8N_LOG_OUTPUT: 'console',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		// 1.x: run Code nodes in-process. 2.x ignores it (task runners are always on there).
		N8N_RUNNERS_ENABLED: 'false',
		N8N_SECURE_COOKIE: 'false',
		N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '5',
		EXECUTIONS_DATA_SAVE_MANUAL_EXECUTIONS: 'true',
		GENERIC_TIMEZONE: 'UTC',
		TZ: 'UTC',
	};
}

/** process.env without anything that could steer n8n or npm away from the test's settings. */
export function cleanProcessEnv(): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [key, value] of Object.entries(process.env)) {
		if (value === undefined) continue;
		if (
			/^(N8N_|DB_|EXECUTIONS_|QUEUE_|WEBHOOK_|GENERIC_TIMEZONE$|NODE_OPTIONS$|NODE_ENV$|npm_)/i.test(
				key,
			)
		)
			continue;
		out[key] = value;
	}
	return out;
}
