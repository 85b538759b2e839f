/* eslint-disable @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- not shipped: n8n Cloud rules apply to nodes/ and credentials/ */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { IDataObject } from 'n8n-workflow';

import { parseArgs } from '../../sandbox/cli';

describe('sandbox CLI arguments', () => {
	it('defaults to port 5680 (or $PORT), seeding on', () => {
		expect(parseArgs([], {})).toEqual({
			port: 5680,
			host: '127.0.0.1',
			seedDemo: true,
			quiet: false,
		});
		expect(parseArgs([], { PORT: '7000' }).port).toBe(7000);
	});

	it('reads --port, --page-cap, --ready-file, --no-seed-demo in both spellings', () => {
		expect(
			parseArgs(
				[
					'--port',
					'0',
					'--page-cap=25',
					'--ready-file',
					'/tmp/x.json',
					'--no-seed-demo',
					'--quiet',
				],
				{ PORT: '9' },
			),
		).toEqual({
			port: 0,
			host: '127.0.0.1',
			pageCap: 25,
			seedDemo: false,
			readyFile: '/tmp/x.json',
			quiet: true,
		});
		expect(parseArgs(['--seed-demo=false'], {}).seedDemo).toBe(false);
	});

	it('refuses unknown options and bad numbers', () => {
		expect(() => parseArgs(['--prot', '1'], {})).toThrow(/Unknown option/);
		expect(() => parseArgs(['--port', 'abc'], {})).toThrow(/--port/);
		expect(() => parseArgs(['--page-cap'], {})).toThrow(/needs a value/);
	});
});

describe('sandbox CLI process', () => {
	const root = resolve(__dirname, '../..');
	let dir: string;
	beforeAll(() => {
		dir = mkdtempSync(join(tmpdir(), 'mypit-sandbox-cli-'));
	});
	afterAll(() => rmSync(dir, { recursive: true, force: true }));

	it('starts, writes the ready file, serves seeded demo data and stops cleanly on SIGTERM', async () => {
		const readyFile = join(dir, 'ready.json');
		const child = spawn(
			process.execPath,
			[
				'-r',
				'ts-node/register/transpile-only',
				'sandbox/cli.ts',
				'--port',
				'0',
				'--page-cap',
				'2',
				'--ready-file',
				readyFile,
			],
			{ cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
		);
		let stdout = '';
		child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
		const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
		try {
			const deadline = Date.now() + 30_000;
			while (!existsSync(readyFile) && Date.now() < deadline)
				await new Promise((r) => setTimeout(r, 100));
			const ready = JSON.parse(readFileSync(readyFile, 'utf8'));
			expect(ready.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
			expect(ready.demo.clientId).toBe('demo-client-id');

			const headers = {
				'Content-Type': 'application/json',
				clientId: ready.demo.clientId,
				secretKey: ready.demo.secretKey,
			};
			const list = async (path: string) => {
				const response = await fetch(`${ready.url}${path}`, {
					method: 'POST',
					headers,
					body: JSON.stringify({ userId: ready.demo.userId, paginationOpts: { numItems: 100 } }),
				});
				return (await response.json()) as { page: IDataObject[]; hasMore: boolean };
			};
			// The demo account's history, as npm start seeds it: oldest first, page cap 2.
			const holders = await list('/getHolders');
			expect(holders.page.map((holder) => holder.name)).toEqual(['Marie Curie', 'Nikola Tesla']);
			expect(holders.hasMore).toBe(true);
			const templates = (await list('/getAllBadgeTemplatesByOwnerId')).page;
			expect(templates.map((template) => template.name)).toEqual([
				'Course Completion',
				'First Aid Certificate',
			]);
			expect(templates[0].createdAt).toBeLessThan(templates[1].createdAt as number);
			expect((await list('/getIssuedBadges')).page).toHaveLength(2);
			expect(stdout).toContain('seeded 3 templates, 5 holders and 8 issued badges');

			expect(stdout).toContain(ready.url);
			for (const value of [
				'demo-client-id',
				'demo-secret-key',
				'demo-user',
				'did:mypit:demo-issuer',
			])
				expect(stdout).toContain(value);
		} finally {
			child.kill('SIGTERM');
		}
		expect(await exited).toBe(0);
	});
});
