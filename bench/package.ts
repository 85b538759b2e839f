/* eslint-disable @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- not shipped: n8n Cloud rules apply to nodes/ and credentials/ */
/** What every n8n bench needs first: the node packed as n8n installs it, and its credential. */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import type { N8nServer } from '../tooling/n8n';
import type { Account } from './raw';

const ROOT = path.resolve(__dirname, '..');

/** Builds the package and packs it; returns the tarball's path. */
export function buildAndPack(): string {
	execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'ignore' });
	const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'mypit-bench-pack-'));
	const output = execFileSync(
		'npm',
		['pack', '--json', '--ignore-scripts', '--pack-destination', folder],
		{ cwd: ROOT, encoding: 'utf8' },
	);
	return path.join(folder, JSON.parse(output)[0].filename as string);
}

/** A MyPit credential in n8n for a sandbox account (with its user ID, and `extra` fields). */
export async function createBenchCredential(
	server: N8nServer,
	sandboxUrl: string,
	account: Account,
	extra: Record<string, string> = {},
): Promise<{ id: string; name: string }> {
	return await server.createCredential({
		name: `MyPit bench ${account.userId}`,
		type: 'myPitApi',
		data: {
			clientId: account.clientId,
			secretKey: account.secretKey,
			baseUrl: sandboxUrl,
			userId: account.userId,
			...extra,
		},
	});
}
