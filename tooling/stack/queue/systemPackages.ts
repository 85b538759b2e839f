/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- not shipped: n8n Cloud rules apply to nodes/ and credentials/ */
/**
 * Debian's redis-server and PostgreSQL for queue mode: found on this machine, or installed with
 * apt-get when missing (as root, like .ci/run does; another apt-get may hold the lock: wait).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { run } from '../build';

export interface QueueBinaries {
	redisServer: string;
	/** Folder with initdb, postgres, pg_ctl, createdb (e.g. /usr/lib/postgresql/15/bin). */
	postgresBin: string;
}

const REDIS_CANDIDATES = ['/usr/bin/redis-server', '/usr/local/bin/redis-server'];
const POSTGRES_ROOT = '/usr/lib/postgresql';

function findRedis(): string | undefined {
	return REDIS_CANDIDATES.find((file) => fs.existsSync(file));
}

/** The newest /usr/lib/postgresql/<major>/bin that has initdb and postgres. */
function findPostgres(): string | undefined {
	if (!fs.existsSync(POSTGRES_ROOT)) return undefined;
	const majors = fs
		.readdirSync(POSTGRES_ROOT)
		.filter((name) => /^\d+$/.test(name))
		.sort((a, b) => Number(b) - Number(a));
	for (const major of majors) {
		const bin = path.join(POSTGRES_ROOT, major, 'bin');
		if (fs.existsSync(path.join(bin, 'initdb')) && fs.existsSync(path.join(bin, 'postgres')))
			return bin;
	}
	return undefined;
}

/** Whether queue mode can run here: both are installed, or we are root and apt-get can install them. */
export function canProvideQueueBinaries(): { ok: boolean; reason: string } {
	if (findRedis() && findPostgres()) return { ok: true, reason: '' };
	if (process.getuid?.() === 0) return { ok: true, reason: '' };
	return {
		ok: false,
		reason:
			'redis-server or postgresql is not installed (sudo apt-get install -y redis-server postgresql)',
	};
}

/** Finds redis-server and PostgreSQL; installs the missing ones with apt-get (root only). */
export async function ensureQueueBinaries(
	log: (line: string) => void = () => undefined,
): Promise<QueueBinaries> {
	let redisServer = findRedis();
	let postgresBin = findPostgres();
	const missing = [
		...(redisServer ? [] : ['redis-server']),
		...(postgresBin ? [] : ['postgresql']),
	];
	if (missing.length > 0) {
		if (process.getuid?.() !== 0) {
			throw new Error(
				`queue mode needs ${missing.join(' and ')}: sudo apt-get install -y ${missing.join(' ')}`,
			);
		}
		const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
		// Another apt-get (e.g. provision.sh or a colleague's install) may hold the lock: wait for it.
		const lockWait = ['-o', 'DPkg::Lock::Timeout=900'];
		log(`apt-get install ${missing.join(' ')}`);
		await run('apt-get', [...lockWait, 'update', '-qq'], { env });
		await run('apt-get', [...lockWait, 'install', '-y', '-qq', ...missing], { env });
		redisServer = findRedis();
		postgresBin = findPostgres();
	}
	if (!redisServer || !postgresBin)
		throw new Error(
			'apt-get install redis-server postgresql did not provide redis-server and initdb',
		);
	return { redisServer, postgresBin };
}
