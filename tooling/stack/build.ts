/* eslint-disable @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- not shipped: n8n Cloud rules apply to nodes/ and credentials/ */
/** The package as n8n installs it: built, packed with npm; and n8n provisioned into .cache/. */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import * as path from 'node:path';

import { REPO_ROOT } from '../n8n';

/** Runs a command; rejects with its output when it fails. `onLine` gets stderr+stdout lines. */
export async function run(
	command: string,
	args: string[],
	options: { cwd?: string; env?: NodeJS.ProcessEnv; onLine?: (line: string) => void } = {},
): Promise<string> {
	return await new Promise<string>((resolve, reject) => {
		const child = spawn(command, args, {
			cwd: options.cwd ?? REPO_ROOT,
			env: options.env ?? process.env,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let output = '';
		let partial = '';
		const onData = (chunk: Buffer) => {
			const text = chunk.toString('utf8');
			output += text;
			if (!options.onLine) return;
			partial += text;
			const lines = partial.split('\n');
			partial = lines.pop() ?? '';
			for (const line of lines) if (line.trim()) options.onLine(line);
		};
		child.stdout.on('data', onData);
		child.stderr.on('data', onData);
		child.once('error', reject);
		child.once('close', (code, signal) => {
			if (partial.trim() && options.onLine) options.onLine(partial);
			if (code === 0) resolve(output);
			else
				reject(
					new Error(
						`${command} ${args.join(' ')} failed (${code ?? signal}):\n${output.split('\n').slice(-40).join('\n')}`,
					),
				);
		});
	});
}

/** npm without the variables `npm start` itself sets (they would steer the child npm). */
function npmEnv(): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {};
	for (const [key, value] of Object.entries(process.env)) {
		if (!/^npm_/i.test(key)) env[key] = value;
	}
	return env;
}

export async function buildPackage(): Promise<void> {
	// Its output is shown only when it fails (in the error).
	await run('npm', ['run', 'build', '--silent'], { env: npmEnv() });
}

/** `npm pack` into `destination`; returns the tarball's path. Needs a built dist/. */
export async function packPackage(destination: string): Promise<string> {
	if (!fs.existsSync(path.join(REPO_ROOT, 'dist', 'nodes', 'MyPit', 'MyPit.node.js'))) {
		throw new Error('dist/ is not built: run `npm run build` first');
	}
	await fsp.mkdir(destination, { recursive: true });
	const output = await run(
		'npm',
		['pack', '--ignore-scripts', '--silent', `--pack-destination=${destination}`],
		{ env: npmEnv() },
	);
	const file = output.trim().split('\n').pop()!.trim();
	return path.join(destination, file);
}

/** scripts/n8n/provision.sh for one n8n version (a no-op taking well under a second when cached). */
export async function provisionN8n(version: string, log?: (line: string) => void): Promise<void> {
	await run('bash', [path.join(REPO_ROOT, 'scripts', 'n8n', 'provision.sh')], {
		env: { ...npmEnv(), N8N_VERSION: version },
		// Its progress lines; the KEY=VALUE lines it prints for scripts are of no interest here.
		onLine: log ? (line) => line.startsWith('[provision') && log(`  ${line}`) : undefined,
	});
}
