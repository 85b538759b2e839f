/**
 * The n8n editor in a real browser: Debian's Chromium driven by playwright-core, against the same
 * setup `npm start` makes (temporary folder, free ports). Signs in, opens the first example
 * workflow, opens the MyPit node, checks the listed resources and operations and that the MyPit
 * credential tests successfully, in the light and the dark theme. Screenshots go to
 * artifacts/screenshots/ (git-ignored).
 *
 * Needs /usr/bin/chromium (`apt-get install chromium`; env MYPIT_CHROMIUM for another path). Only
 * loopback is reachable from the browser: every other host fails to resolve and is aborted.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { chromium, type BrowserContext, type Page } from 'playwright-core';

import type { Stack } from '../../tooling/stack/stack';
import { REPO_ROOT } from '../../tooling/n8n';
import { BOOT_TIMEOUT, gate, n8nVersion, startTestStack } from './support/mypit';

const CHROMIUM = process.env.MYPIT_CHROMIUM || '/usr/bin/chromium';
const SCREENSHOTS = path.join(REPO_ROOT, 'artifacts', 'screenshots');
const hasChromium = fs.existsSync(CHROMIUM);
const run = gate.run && (hasChromium || gate.required);
const describeEditor = run ? describe : describe.skip;

if (!run) {
	const reason = gate.run
		? `${CHROMIUM} is not installed (apt-get install -y chromium)`
		: gate.reason;
	console.warn(`editor tests skipped: ${reason}`);
	describe(`n8n ${n8nVersion} editor in Chromium`, () => {
		test.skip(`skipped: ${reason}`, () => undefined);
	});
}

/** The flags the brief asks for, plus: no DNS for anything but loopback. */
const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--no-first-run',
	'--no-default-browser-check',
	'--disable-sync',
	'--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
];

const isLoopback = (url: string) => {
	const { protocol, hostname } = new URL(url);
	return (
		protocol === 'data:' ||
		protocol === 'blob:' ||
		hostname === '127.0.0.1' ||
		hostname === 'localhost' ||
		hostname === '[::1]'
	);
};

describeEditor(`n8n ${n8nVersion} editor in Chromium`, () => {
	let stack: Stack;
	let context: BrowserContext;
	let page: Page;
	let profileDir: string;
	const blocked: string[] = [];
	const failedMyPitResponses: string[] = [];
	const pageErrors: string[] = [];
	const missingSchemas = new Set<string>();

	const shot = async (name: string) => {
		const file = path.join(SCREENSHOTS, `n8n-${n8nVersion}-${name}.png`);
		await page.screenshot({ path: file });
		return file;
	};

	beforeAll(async () => {
		if (!hasChromium)
			throw new Error(
				`${CHROMIUM} is not installed: apt-get install -y chromium (MYPIT_E2E=1 makes this test mandatory)`,
			);
		fs.mkdirSync(SCREENSHOTS, { recursive: true });
		stack = await startTestStack();
		profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mypit-chromium-profile-'));
		context = await chromium.launchPersistentContext(profileDir, {
			executablePath: CHROMIUM,
			headless: true,
			args: CHROMIUM_ARGS,
			viewport: { width: 1440, height: 900 },
			timeout: 120_000,
		});
		await context.route('**/*', async (route) => {
			const url = route.request().url();
			if (isLoopback(url)) return await route.continue();
			blocked.push(url);
			return await route.abort();
		});
		page = context.pages()[0] ?? (await context.newPage());
		page.setDefaultTimeout(30_000);
		// The editor's bundle runs before DOMContentLoaded; on a loaded machine that alone takes over 30 s.
		page.setDefaultNavigationTimeout(120_000);
		page.on('pageerror', (error) => pageErrors.push(error.message));
		// Leaving a workflow with unsaved changes (resource switched) asks first: leave.
		page.on('dialog', (dialog) => void dialog.accept());
		page.on('response', (response) => {
			if (!/mypit/i.test(response.url()) || response.status() < 400) return;
			// The editor asks for optional output schemas (/schemas/<type>/<version>/<resource>/<operation>.json,
			// a node's __schema__ folder); a node without them gets 404 and n8n carries on.
			if (new URL(response.url()).pathname.startsWith('/schemas/'))
				missingSchemas.add(new URL(response.url()).pathname);
			else failedMyPitResponses.push(`${response.status()} ${response.url()}`);
		});
	}, BOOT_TIMEOUT);

	afterAll(async () => {
		await context?.close();
		if (profileDir) fs.rmSync(profileDir, { recursive: true, force: true });
		await stack?.stop();
		if (blocked.length)
			console.info(
				`the editor tried ${blocked.length} non-loopback request(s), all aborted: ${[...new Set(blocked.map((url) => new URL(url).host))].join(', ')}`,
			);
		if (missingSchemas.size)
			console.info(
				`output schemas the editor asked for and the package does not ship: ${[...missingSchemas].join(', ')}`,
			);
		if (pageErrors.length) console.info(`page errors: ${pageErrors.slice(0, 5).join(' | ')}`);
	});

	test('signs in with the login npm start prints; the home page lists the example workflows', async () => {
		await page.goto(`${stack.editorUrl}signin`, { waitUntil: 'domcontentloaded' });
		await page.fill('input[name="emailOrLdapLoginId"]', stack.owner.email);
		await page.fill('input[name="password"]', stack.owner.password);
		await page.click('[data-test-id="form-submit-button"]');
		await page.waitForURL((url) => !url.pathname.includes('signin'));
		for (const example of stack.examples)
			await page.getByText(example.workflow.name, { exact: true }).first().waitFor();
		await shot('home');
	}, 60_000);

	/** Option names of an open dropdown (first line of each item: name without description). */
	const optionNames = async (parameter: string): Promise<string[]> => {
		await page.click(`[data-test-id="ndv"] [data-test-id="parameter-input-${parameter}"]`);
		const items = page.locator('[data-test-id="parameter-input-item"]:visible');
		await items.first().waitFor();
		const names = await items.evaluateAll((elements) =>
			elements.map((element) =>
				String((element as unknown as { innerText: string }).innerText)
					.split('\n')[0]
					.trim(),
			),
		);
		await page.keyboard.press('Escape');
		await items.first().waitFor({ state: 'hidden' });
		return names;
	};

	const choose = async (parameter: string, name: string) => {
		await page.click(`[data-test-id="ndv"] [data-test-id="parameter-input-${parameter}"]`);
		await page
			.locator('[data-test-id="parameter-input-item"]:visible', { hasText: name })
			.first()
			.click();
		await page
			.locator('[data-test-id="parameter-input-item"]:visible')
			.first()
			.waitFor({ state: 'hidden' });
	};

	/** The canvas of example 01 in a theme; returns the icon's file name and rendered width. */
	const openCanvas = async (theme: 'light' | 'dark') => {
		// n8n reads its theme from localStorage (N8N_THEME: light, dark or system).
		await page.evaluate((value) => {
			(
				globalThis as unknown as { localStorage: { setItem(key: string, value: string): void } }
			).localStorage.setItem('N8N_THEME', value);
		}, theme);
		await page.emulateMedia({ colorScheme: theme });
		await page.goto(stack.examples[0].url, { waitUntil: 'domcontentloaded' });
		const issue = page.locator('[data-test-id="canvas-node"][data-node-name="Issue badge"]');
		await issue.waitFor();
		// Let the canvas fit the view and the icons load.
		await page.waitForTimeout(1500);
		const names = await page
			.locator('[data-test-id="canvas-node"]')
			.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-node-name')));
		expect(names).toEqual(['Course completion form', 'Create holder', 'Issue badge']);
		const icon = issue.locator('img').first();
		await icon.waitFor();
		const { src, width, complete } = await icon.evaluate((img) => {
			const element = img as unknown as {
				currentSrc: string;
				naturalWidth: number;
				complete: boolean;
			};
			return { src: element.currentSrc, width: element.naturalWidth, complete: element.complete };
		});
		return { src, width, complete, issue };
	};

	for (const theme of ['light', 'dark'] as const) {
		test(`${theme} theme: canvas with the MyPit icon, node panel with resources and operations, credential tested`, async () => {
			const { src, width, complete, issue } = await openCanvas(theme);
			expect(complete).toBe(true);
			expect(width).toBeGreaterThan(0);
			expect(src).toMatch(theme === 'dark' ? /mypit\.dark\.svg/ : /mypit\.svg/);
			const canvasFile = await shot(`${theme}-canvas`);

			await issue.dblclick();
			const ndv = page.locator('[data-test-id="ndv"]');
			await ndv.waitFor();
			await expect(ndv.innerText()).resolves.toContain('Issue badge');
			expect(await optionNames('resource')).toEqual([
				'Badge',
				'Holder',
				'Template',
				'Custom API Call',
			]);
			expect(await optionNames('operation')).toEqual(['Get Many', 'Issue', 'Custom API Call']);
			await expect(
				page
					.locator('[data-test-id="ndv"] [data-test-id="parameter-input-templateId"]')
					.innerText(),
			).resolves.toBeDefined();
			const panelFile = await shot(`${theme}-node-panel`);

			await page.click('[data-test-id="ndv"] [data-test-id="credential-edit-button"]');
			const success = page.locator('[data-test-id="credentials-config-container-test-success"]');
			await success.waitFor({ timeout: 30_000 });
			await expect(success.innerText()).resolves.toContain('Connection tested successfully');
			const credentialFile = await shot(`${theme}-credential`);
			console.info(
				`screenshots: ${[canvasFile, panelFile, credentialFile].map((file) => path.relative(REPO_ROOT, file)).join(', ')}`,
			);
		}, 120_000);
	}

	test('output fields of a MyPit node that has not run: the next node lists them from the shipped schema', async () => {
		const schemaResponses: Array<{ path: string; status: number }> = [];
		const onResponse = (response: import('playwright-core').Response) => {
			const { pathname } = new URL(response.url());
			if (pathname.startsWith('/schemas/') && /mypit/i.test(pathname))
				schemaResponses.push({ path: pathname, status: response.status() });
		};
		page.on('response', onResponse);
		try {
			// Example 01: Course completion form → Create holder (MyPit, Holder → Create) → Issue badge.
			// Nothing has run; opening Issue badge shows Create holder's output in its input panel.
			await page.goto(stack.examples[0].url, { waitUntil: 'domcontentloaded' });
			await page.locator('[data-test-id="canvas-node"][data-node-name="Issue badge"]').dblclick();
			const input = page.locator('[data-test-id="ndv-input-panel"]');
			await input.waitFor();
			// Example 01 creates or updates the holder (safe to run again): that operation's schema.
			const holderNode = stack.examples[0].workflow.nodes.find(
				(node) => node.name === 'Create holder',
			);
			const operation = String(holderNode?.parameters.operation ?? 'create');
			const schema = JSON.parse(
				fs.readFileSync(
					path.join(REPO_ROOT, `nodes/MyPit/__schema__/v1.0.0/holder/${operation}.json`),
					'utf8',
				),
			) as {
				properties: Record<string, unknown>;
			};
			const fields = Object.keys(schema.properties);
			// Every field of the schema, by name, in the input panel of the node that has not run.
			for (const field of fields)
				await input.getByText(field, { exact: true }).first().waitFor({ timeout: 30_000 });
			expect(schemaResponses).toContainEqual({
				path: `/schemas/n8n-nodes-mypit.myPit/1.0.0/holder/${operation}.json`,
				status: 200,
			});
			const file = await shot('schema-preview');
			console.info(
				`schema preview of Create holder (${fields.length} fields): ${path.relative(REPO_ROOT, file)}`,
			);
		} finally {
			page.off('response', onResponse);
		}
	}, 120_000);

	test('every resource lists its operations (Holder, Template)', async () => {
		await page.goto(stack.examples[0].url, { waitUntil: 'domcontentloaded' });
		await page.locator('[data-test-id="canvas-node"][data-node-name="Create holder"]').dblclick();
		await page.locator('[data-test-id="ndv"]').waitFor();
		expect(await optionNames('operation')).toEqual([
			'Create',
			'Create or Update',
			'Delete',
			'Get',
			'Get Many',
			'Update',
			'Custom API Call',
		]);
		await choose('resource', 'Template');
		expect(await optionNames('operation')).toEqual([
			'Create',
			'Delete',
			'Get',
			'Get Many',
			'Update',
			'Custom API Call',
		]);
		await shot('node-panel-template');
	}, 120_000);

	test('the node creator finds MyPit by name, with its icon and description', async () => {
		await page.goto(stack.examples[1].url, { waitUntil: 'domcontentloaded' });
		await page.locator('[data-test-id="canvas-node"]').first().waitFor();
		await page.click('[data-test-id="node-creator-plus-button"]');
		const search = page.locator('input[data-test-id="node-creator-search-bar"]');
		await search.waitFor();
		await search.fill('MyPit');
		const items = page.locator(
			'[data-test-id="node-creator-action-item"]:visible, [data-test-id="node-creator-node-item"]:visible',
		);
		await items.first().waitFor();
		// The action node and the MyPit Trigger both answer the search; n8n may show both as "MyPit".
		const found: Array<{ name: string; description: string }> = [];
		for (let index = 0; index < (await items.count()); index++) {
			const item = items.nth(index);
			const description = item.locator('[data-test-id="node-creator-item-description"]');
			found.push({
				name: (await item.locator('[data-test-id="node-creator-item-name"]').innerText()).trim(),
				// 2.x shows the description under the name; 1.x only on hover.
				description: (await description.count()) ? await description.innerText() : '',
			});
		}
		expect(found.map((entry) => entry.name)).toContain('MyPit');
		// n8n 2.x groups the action node and the trigger under one "MyPit" entry and shows one of
		// their two descriptions; 1.x shows it only on hover.
		for (const entry of found.filter((item) => item.name === 'MyPit' && item.description))
			expect(entry.description).toMatch(
				/issue digital badges|Starts the workflow when badges are issued/,
			);
		await page.waitForTimeout(500);
		await shot('node-creator');
	}, 120_000);

	test('every example workflow opens on the canvas with all its nodes', async () => {
		for (const [index, example] of stack.examples.entries()) {
			await page.goto(example.url, { waitUntil: 'domcontentloaded' });
			const nodes = page.locator('[data-test-id="canvas-node"]');
			await nodes.first().waitFor();
			await page.waitForTimeout(1000);
			const names = await nodes.evaluateAll((elements) =>
				elements.map((element) => element.getAttribute('data-node-name')),
			);
			const expected = example.workflow.nodes
				.filter((node) => node.type !== 'n8n-nodes-base.stickyNote')
				.map((node) => node.name);
			expect(names.sort()).toEqual(expected.sort());
			await shot(`example-${String(index + 1).padStart(2, '0')}-canvas`);
		}
		expect(failedMyPitResponses).toEqual([]);
	}, 180_000);
});
