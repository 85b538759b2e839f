/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/require-node-api-error -- not shipped: n8n Cloud rules apply to nodes/ and credentials/ */
/** The persistent n8n user folder of `npm start`: one server at a time, kept between runs. */
import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import * as path from 'node:path';

import { createN8nHome, type N8nHome } from '../n8n';

/**
 * One `npm start` per persistent user folder: n8n's sqlite database is not meant to be shared by
 * two servers. Returns a function that releases the lock.
 */
export async function lockHome(dir: string): Promise<() => Promise<void>> {
	const lockFile = `${dir}.pid`;
	await fsp.mkdir(path.dirname(lockFile), { recursive: true });
	try {
		const pid = Number(await fsp.readFile(lockFile, 'utf8'));
		if (Number.isInteger(pid) && pid > 0 && pid !== process.pid) {
			let alive = true;
			try {
				process.kill(pid, 0);
			} catch {
				alive = false;
			}
			if (alive)
				throw new Error(
					`another \`npm start\` (pid ${pid}) is using ${dir}: stop it first (Ctrl-C in its terminal)`,
				);
		}
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
	}
	await fsp.writeFile(lockFile, String(process.pid));
	return async () => {
		const owner = await fsp.readFile(lockFile, 'utf8').catch(() => '');
		if (owner === String(process.pid)) await fsp.rm(lockFile, { force: true });
	};
}

/** The persistent user folder of `npm start`, made from n8n's migrated template on first use. */
export async function persistentHome(
	version: string,
	dir: string,
	fresh: boolean,
	env: Record<string, string>,
): Promise<N8nHome> {
	if (fresh) await fsp.rm(dir, { recursive: true, force: true });
	const exists = fs.existsSync(path.join(dir, '.n8n'));
	await fsp.mkdir(path.dirname(dir), { recursive: true });
	// createN8nHome gives the settings (and, the first time, a migrated database) in a temp folder.
	const made = await createN8nHome({
		version,
		parentDir: path.dirname(dir),
		useTemplate: !exists,
		env,
	});
	if (exists) await made.cleanup();
	else await fsp.rename(made.dir, dir);
	return {
		...made,
		dir,
		nodesDir: path.join(dir, '.n8n', 'nodes'),
		env: { ...made.env, N8N_USER_FOLDER: dir },
		cleanup: async () => undefined,
	};
}
