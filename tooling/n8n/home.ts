/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/require-node-api-error -- not shipped: n8n Cloud rules apply to nodes/ and credentials/ */
/** Isolated n8n user folders (N8N_USER_FOLDER, sqlite), copied from a migrated template. */
import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';

import { baseEnv, type N8nHome } from './env';
import { makeId } from './ids';
import { assertProvisioned, n8nPaths, type N8nPaths } from './paths';
import { runN8nOk } from './process';

export interface CreateN8nHomeOptions {
	version?: string;
	/** Extra or overriding n8n env vars for every process of this home. */
	env?: Record<string, string>;
	/** Copy a migrated database instead of migrating from scratch (saves ~5-10 s). Default true. */
	useTemplate?: boolean;
	/** Parent folder (default: os.tmpdir()). */
	parentDir?: string;
}

const templatePromises = new Map<string, Promise<void>>();

/**
 * A migrated, empty user folder per n8n version, kept in the cache next to the install. Built in
 * a temp folder and renamed into place, so concurrent jest workers never see a half-built one.
 */
async function ensureTemplate(paths: N8nPaths): Promise<void> {
	const done = path.join(paths.templateDir, '.complete');
	if (fs.existsSync(done)) return;
	let pending = templatePromises.get(paths.version);
	if (!pending) {
		pending = (async () => {
			const building = `${paths.templateDir}.tmp-${process.pid}-${makeId(6)}`;
			await fsp.mkdir(building, { recursive: true });
			try {
				const home: N8nHome = {
					paths,
					dir: building,
					nodesDir: path.join(building, '.n8n', 'nodes'),
					env: baseEnv(building),
					cleanup: async () => undefined,
				};
				// Any DB-backed command runs the migrations; this one does nothing else.
				await runN8nOk(home, ['list:workflow'], { timeoutMs: 180_000 });
				await fsp.writeFile(path.join(building, '.complete'), `n8n ${paths.version}\n`);
				try {
					await fsp.rename(building, paths.templateDir);
				} catch (error) {
					// Another worker won the race: use its template.
					if (!fs.existsSync(done)) throw error;
				}
			} finally {
				await fsp.rm(building, { recursive: true, force: true });
			}
		})();
		templatePromises.set(paths.version, pending);
		pending.catch(() => templatePromises.delete(paths.version));
	}
	await pending;
}

/** A fresh, isolated n8n user folder (sqlite), migrated and ready for CLI commands or a server. */
export async function createN8nHome(options: CreateN8nHomeOptions = {}): Promise<N8nHome> {
	const paths = n8nPaths(options.version);
	assertProvisioned(paths);
	const dir = await fsp.mkdtemp(
		path.join(options.parentDir ?? os.tmpdir(), `n8n-home-${paths.version}-`),
	);
	if (options.useTemplate ?? true) {
		await ensureTemplate(paths);
		await fsp.cp(paths.templateDir, dir, { recursive: true });
		await fsp.rm(path.join(dir, '.complete'), { force: true });
	}
	return {
		paths,
		dir,
		nodesDir: path.join(dir, '.n8n', 'nodes'),
		env: { ...baseEnv(dir), ...(options.env ?? {}) },
		cleanup: async () => fsp.rm(dir, { recursive: true, force: true }),
	};
}
