/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- not shipped: n8n Cloud rules apply to nodes/ and credentials/ */
/**
 * A throw-away PostgreSQL cluster for n8n: initdb in `dir`, loopback only, a free port, trust
 * auth for the `n8n` role, database `n8n`. PostgreSQL refuses to run as root, so as root it runs
 * as the `postgres` system user (created by Debian's package) and `dir` is handed to it.
 */
import * as fsp from 'node:fs/promises';
import * as path from 'node:path';

import { getFreePort } from '../../n8n';
import { run } from '../build';
import { startService, waitFor, type Service } from './processes';

export interface Postgres {
	host: string;
	port: number;
	database: string;
	user: string;
	dataDir: string;
	service: Service;
	stop(): Promise<void>;
}

const SYSTEM_USER = 'postgres';

/** As root: the same command as the postgres system user (setpriv execs, so signals reach it). */
function asPostgresUser(command: string, args: string[]): [string, string[]] {
	if (process.getuid?.() !== 0) return [command, args];
	return [
		'setpriv',
		['--reuid', SYSTEM_USER, '--regid', SYSTEM_USER, '--init-groups', '--', command, ...args],
	];
}

export async function startPostgres(bin: string, dir: string): Promise<Postgres> {
	const dataDir = path.join(dir, 'data');
	await fsp.mkdir(dataDir, { recursive: true });
	if (process.getuid?.() === 0) {
		await run('chown', ['-R', `${SYSTEM_USER}:${SYSTEM_USER}`, dir]);
		// The system user must be able to reach the folder (a 0700 mkdtemp parent would stop it).
		await fsp.chmod(dir, 0o755);
	}
	const user = 'n8n';
	const [initCommand, initArgs] = asPostgresUser(path.join(bin, 'initdb'), [
		'-D',
		dataDir,
		'-U',
		user,
		'--auth=trust',
		'-E',
		'UTF8',
		'--locale=C',
		'--no-sync',
	]);
	await run(initCommand, initArgs, { cwd: '/' });
	const port = await getFreePort();
	const [command, args] = asPostgresUser(path.join(bin, 'postgres'), [
		'-D',
		dataDir,
		'-p',
		String(port),
		'-c',
		'listen_addresses=127.0.0.1',
		'-c',
		`unix_socket_directories=${dataDir}`,
		// A test database: durability is not needed, speed is.
		'-c',
		'fsync=off',
		'-c',
		'synchronous_commit=off',
		'-c',
		'full_page_writes=off',
		'-c',
		'max_connections=200',
	]);
	const service = startService('postgres', command, args, { cwd: '/' });
	const createDb = path.join(bin, 'createdb');
	await waitFor(
		'database n8n',
		() =>
			run(createDb, ['-h', '127.0.0.1', '-p', String(port), '-U', user, 'n8n'], { cwd: '/' }).then(
				() => true,
				() => false,
			),
		service,
		60_000,
	);
	return {
		host: '127.0.0.1',
		port,
		database: 'n8n',
		user,
		dataDir,
		service,
		// SIGINT: PostgreSQL's fast shutdown (ends the backends, no waiting for clients).
		stop: () => service.stop('SIGINT', 15_000),
	};
}
