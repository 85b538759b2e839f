/* eslint-disable @n8n/community-nodes/no-restricted-imports, no-console -- not shipped: n8n Cloud rules apply to nodes/ and credentials/ */
/**
 * The n8n editor in a real browser: Debian's Chromium driven by playwright-core
 * (tooling/editor/), against the same setup `npm start` makes (temporary folder, free ports).
 * Signs in, opens the first example workflow, opens the MyPit node, checks the listed resources
 * and operations and that the MyPit credential tests successfully, in the light and the dark
 * theme; reads the MyPit Trigger's subtitles on the canvas and the readable dates of its Fetch
 * Test Event. Screenshots go to artifacts/screenshots/ (git-ignored).
 *
 * Needs /usr/bin/chromium (`apt-get install chromium`; env MYPIT_CHROMIUM for another path). Only
 * loopback is reachable from the browser: every other host fails to resolve and is aborted.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import type { Page } from 'playwright-core';

import type { Stack } from '../../tooling/stack/stack';
import { REPO_ROOT } from '../../tooling/n8n';
import {
	CHROMIUM,
	hasChromium,
	launchEditorBrowser,
	type EditorBrowser,
} from '../../tooling/editor/browser';
import {
	canvasNode,
	canvasNodeLines,
	choose,
	fetchTestEvent,
	openNode,
	openTestedCredential,
	openWorkflow,
	optionNames,
	setTheme,
	signIn,
} from '../../tooling/editor/editor';
import { BOOT_TIMEOUT, gate, n8nVersion, startTestStack } from './support/mypit';

const SCREENSHOTS = path.join(REPO_ROOT, 'artifacts', 'screenshots');
const run = gate.run && (hasChromium() || gate.required);
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

describeEditor(`n8n ${n8nVersion} editor in Chromium`, () => {
	let stack: Stack;
	let browser: EditorBrowser;
	let page: Page;
	const failedMyPitResponses: string[] = [];
	const missingSchemas = new Set<string>();

	const shot = async (name: string) => {
		const file = path.join(SCREENSHOTS, `n8n-${n8nVersion}-${name}.png`);
		await page.screenshot({ path: file });
		return file;
	};

	beforeAll(async () => {
		if (!hasChromium())
			throw new Error(
				`${CHROMIUM} is not installed: apt-get install -y chromium (MYPIT_E2E=1 makes this test mandatory)`,
			);
		fs.mkdirSync(SCREENSHOTS, { recursive: true });
		stack = await startTestStack();
		browser = await launchEditorBrowser({ viewport: { width: 1440, height: 900 } });
		page = browser.page;
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
		await browser?.close();
		await stack?.stop();
		const blocked = browser?.blocked ?? [];
		if (blocked.length)
			console.info(
				`the editor tried ${blocked.length} non-loopback request(s), all aborted: ${[...new Set(blocked.map((url) => new URL(url).host))].join(', ')}`,
			);
		if (missingSchemas.size)
			console.info(
				`output schemas the editor asked for and the package does not ship: ${[...missingSchemas].join(', ')}`,
			);
		const pageErrors = browser?.pageErrors ?? [];
		if (pageErrors.length) console.info(`page errors: ${pageErrors.slice(0, 5).join(' | ')}`);
	});

	test('signs in with the login npm start prints; the home page lists the example workflows', async () => {
		await signIn(page, stack.editorUrl, stack.owner);
		for (const example of stack.examples)
			await page.getByText(example.workflow.name, { exact: true }).first().waitFor();
		await shot('home');
	}, 60_000);

	/** The canvas of example 01 in a theme; returns the icon's file name and rendered width. */
	const openCanvas = async (theme: 'light' | 'dark') => {
		await setTheme(page, theme);
		await page.goto(stack.examples[0].url, { waitUntil: 'domcontentloaded' });
		const issue = canvasNode(page, 'Issue badge');
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
			expect(await optionNames(page, 'resource')).toEqual([
				'Badge',
				'Holder',
				'Template',
				'Custom API Call',
			]);
			expect(await optionNames(page, 'operation')).toEqual([
				'Get Many',
				'Issue',
				'Custom API Call',
			]);
			await expect(
				page
					.locator('[data-test-id="ndv"] [data-test-id="parameter-input-templateId"]')
					.innerText(),
			).resolves.toBeDefined();
			const panelFile = await shot(`${theme}-node-panel`);

			const dialog = await openTestedCredential(page);
			await expect(dialog.innerText()).resolves.toContain('Connection tested successfully');
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

	const example = (prefix: string) => {
		const found = stack.examples.find((entry) => entry.file.startsWith(prefix));
		if (!found) throw new Error(`example ${prefix} was not imported`);
		return found;
	};

	test("example 05 on the canvas: each MyPit Trigger's subtitle names its event in words", async () => {
		await openWorkflow(page, example('05').url);
		const issued = await canvasNodeLines(page, 'New badge issued');
		const expiring = await canvasNodeLines(page, 'Badge expires within 14 days');
		expect(issued).toContain('New Issued Badge');
		expect(expiring).toContain('Badge Expiring (14 days)');
		expect([...issued, ...expiring]).not.toContain('badge.issued');
		expect([...issued, ...expiring]).not.toContain('badge.expiring');
		// The action nodes beside them read as their action, as before.
		expect(await canvasNodeLines(page, 'Holder of the badge')).toContain('Get Holder');
		await shot('example-05-trigger-subtitles');
	}, 120_000);

	test('Fetch Test Event on the MyPit Trigger: every date as the number MyPit sent and as ISO text', async () => {
		// The demo badge issued last (the newest one Fetch Test Event shows).
		const newest = [...stack.demoData.badges].sort((a, b) => b.issuedAt - a.issuedAt)[0];
		await openWorkflow(page, example('05').url);
		await openNode(page, 'New badge issued');
		const output = await fetchTestEvent(page);
		const text = await output.innerText();
		expect(text).toContain(newest._id);
		for (const field of ['issuedAt', 'expiresAt'] as const) {
			expect(text).toContain(`${field}Iso`);
			expect(text).toContain(String(newest[field]));
			expect(text).toContain(new Date(newest[field]).toISOString());
		}
		// Issued in the past, expiring after it was issued (the demo data makes sense).
		expect(newest.issuedAt).toBeLessThan(Date.now());
		expect(newest.expiresAt).toBeGreaterThan(newest.issuedAt);
		const file = await shot('trigger-test-event');
		console.info(`MyPit Trigger after Fetch Test Event: ${path.relative(REPO_ROOT, file)}`);
	}, 120_000);

	test('every resource lists its operations (Holder, Template)', async () => {
		await page.goto(stack.examples[0].url, { waitUntil: 'domcontentloaded' });
		await page.locator('[data-test-id="canvas-node"][data-node-name="Create holder"]').dblclick();
		await page.locator('[data-test-id="ndv"]').waitFor();
		expect(await optionNames(page, 'operation')).toEqual([
			'Create',
			'Create or Update',
			'Delete',
			'Get',
			'Get Many',
			'Update',
			'Custom API Call',
		]);
		await choose(page, 'resource', 'Template');
		expect(await optionNames(page, 'operation')).toEqual([
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

	// Six examples, each loaded and drawn: over 30 s apiece on the shared 2-core machine under load.
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
	}, 360_000);
});
