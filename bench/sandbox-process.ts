/* eslint-disable @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- not shipped: n8n Cloud rules apply to nodes/ and credentials/ */
/**
 * The MyPit sandbox in its own process, as a real service would be: the raw client and n8n
 * talk to it over loopback and none of them shares its event loop.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..');

export interface SandboxProcess {
	url: string;
	stop(): Promise<void>;
	control<T = unknown>(method: string, route: string, body?: unknown): Promise<T>;
	/** API requests logged since the last `clearLog` (the control surface is not logged). */
	requestCount(): Promise<number>;
	clearLog(): Promise<void>;
}

export async function startSandboxProcess(pageCap = 1000): Promise<SandboxProcess> {
	const readyFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'mypit-bench-')), 'ready.json');
	const child: ChildProcess = spawn(
		process.execPath,
		[
			'-r',
			'ts-node/register/transpile-only',
			'sandbox/cli.ts',
			'--port',
			'0',
			'--page-cap',
			String(pageCap),
			'--no-seed-demo',
			'--quiet',
			'--ready-file',
			readyFile,
		],
		{
			cwd: ROOT,
			stdio: ['ignore', 'ignore', 'inherit'],
			env: { ...process.env, NODE_ENV: 'production' },
		},
	);
	const deadline = Date.now() + 60_000;
	while (!fs.existsSync(readyFile)) {
		if (child.exitCode !== null) throw new Error(`sandbox exited with ${child.exitCode}`);
		if (Date.now() > deadline) throw new Error('sandbox did not start within 60 s');
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	const { url } = JSON.parse(fs.readFileSync(readyFile, 'utf8')) as { url: string };
	const control = async <T>(method: string, route: string, body?: unknown): Promise<T> => {
		const response = await fetch(`${url}/__sandbox${route}`, {
			method,
			headers: { 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		if (!response.ok)
			throw new Error(`sandbox ${method} ${route}: ${response.status} ${await response.text()}`);
		return (await response.json()) as T;
	};
	return {
		url,
		control,
		requestCount: async () =>
			(await control<{ requests: unknown[] }>('GET', '/log')).requests.length,
		clearLog: async () => {
			await control('DELETE', '/log');
		},
		stop: async () => {
			child.kill('SIGTERM');
			await new Promise((resolve) => child.once('exit', resolve));
		},
	};
}
