/* eslint-disable @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- not shipped: n8n Cloud rules apply to nodes/ and credentials/ */
/** Community node packages installed into a home the way a manual install does. */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import * as path from 'node:path';

import { cleanProcessEnv, type N8nHome } from './env';
import { tail } from './logs';

export interface InstallCommunityPackageOptions {
	/**
	 * Resolve peerDependencies the npm way, as a plain `npm install` does (a required peer is
	 * installed into the nodes folder, an optional one is not). Default false: like n8n's own
	 * installer, which strips them, so the package resolves n8n-workflow from n8n itself.
	 */
	includePeers?: boolean;
	timeoutMs?: number;
}

/**
 * Installs a packed community node package (`npm pack` output) the way a manual install does:
 * `npm install <tgz>` in `<N8N_USER_FOLDER>/.n8n/nodes`, which has its own package.json.
 * n8n loads every `n8n-nodes-*` / `@scope/n8n-nodes-*` folder of `.n8n/nodes/node_modules` at
 * startup (CLI commands and server alike; no extra env needed). Install before starting a server.
 */
export async function installCommunityPackage(
	home: N8nHome,
	tarballPath: string,
	options: InstallCommunityPackageOptions = {},
): Promise<{ name: string; version: string; dir: string }> {
	const tarball = path.resolve(tarballPath);
	if (!fs.existsSync(tarball)) throw new Error(`community package tarball not found: ${tarball}`);
	await fsp.mkdir(home.nodesDir, { recursive: true });
	const manifest = path.join(home.nodesDir, 'package.json');
	if (!fs.existsSync(manifest)) {
		await fsp.writeFile(
			manifest,
			JSON.stringify({ name: 'installed-nodes', private: true, dependencies: {} }, null, 2),
		);
	}
	const args = [
		'install',
		tarball,
		'--ignore-scripts',
		'--no-audit',
		'--no-fund',
		'--no-update-notifier',
		'--loglevel=error',
		// Without peers: skip peer resolution altogether (no registry round trips, ~1 s).
		...(options.includePeers ? [] : ['--legacy-peer-deps']),
	];
	const result = await new Promise<{ code: number | null; output: string }>((resolve, reject) => {
		const child = spawn('npm', args, {
			cwd: home.nodesDir,
			env: cleanProcessEnv(),
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let output = '';
		child.stdout!.on('data', (chunk) => (output += chunk));
		child.stderr!.on('data', (chunk) => (output += chunk));
		const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000);
		child.once('error', (error) => {
			clearTimeout(timer);
			reject(error);
		});
		child.once('close', (code) => {
			clearTimeout(timer);
			resolve({ code, output });
		});
	});
	if (result.code !== 0) {
		throw new Error(
			`npm ${args.join(' ')} failed in ${home.nodesDir} (exit ${result.code}):\n${tail(result.output)}`,
		);
	}
	// The package name comes from the installed manifest entry that points at this tarball.
	const deps =
		(JSON.parse(await fsp.readFile(manifest, 'utf8')) as { dependencies?: Record<string, string> })
			.dependencies ?? {};
	const name = Object.keys(deps).find(
		(dep) => deps[dep].startsWith('file:') && deps[dep].endsWith(path.basename(tarball)),
	);
	if (!name)
		throw new Error(`could not find ${path.basename(tarball)} in ${manifest} after npm install`);
	const dir = path.join(home.nodesDir, 'node_modules', name);
	const pkg = JSON.parse(await fsp.readFile(path.join(dir, 'package.json'), 'utf8')) as {
		version: string;
	};
	if (!/^(@[^/]+\/)?n8n-nodes-/.test(name)) {
		throw new Error(
			`n8n only loads packages named n8n-nodes-* or @scope/n8n-nodes-*; got "${name}"`,
		);
	}
	return { name, version: pkg.version, dir };
}
