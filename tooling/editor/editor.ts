/* eslint-disable @n8n/community-nodes/no-restricted-globals -- not shipped: n8n Cloud rules apply to nodes/ and credentials/ */
/**
 * What a user does in the n8n editor, as playwright-core steps on n8n's own `data-test-id`s
 * (n8n 2.x and 1.x alike): sign in, open a workflow and a node, read the canvas, fetch a
 * trigger's test event, test a credential, run a workflow. Used by the editor test and by
 * `npm run screenshots`.
 */
import type { Locator, Page } from 'playwright-core';

export async function signIn(
	page: Page,
	editorUrl: string,
	owner: { email: string; password: string },
): Promise<void> {
	await page.goto(`${editorUrl}signin`, { waitUntil: 'domcontentloaded' });
	await page.fill('input[name="emailOrLdapLoginId"]', owner.email);
	await page.fill('input[name="password"]', owner.password);
	await page.click('[data-test-id="form-submit-button"]');
	await page.waitForURL((url) => !url.pathname.includes('signin'));
}

/** n8n reads its theme from localStorage (N8N_THEME: light, dark or system). */
export async function setTheme(page: Page, theme: 'light' | 'dark'): Promise<void> {
	await page.evaluate((value) => {
		(
			globalThis as unknown as { localStorage: { setItem(key: string, value: string): void } }
		).localStorage.setItem('N8N_THEME', value);
	}, theme);
	await page.emulateMedia({ colorScheme: theme });
}

/**
 * A user who has seen n8n's one-time tips: the "You can pin this output" hint no longer covers the
 * output of a trigger's test event.
 */
export async function markTipsSeen(page: Page): Promise<void> {
	await page.evaluate(() => {
		const storage = (
			globalThis as unknown as { localStorage: { setItem(key: string, value: string): void } }
		).localStorage;
		storage.setItem('N8N_PIN_DATA_DISCOVERY_NDV', 'true');
		storage.setItem('N8N_PIN_DATA_DISCOVERY_CANVAS', 'true');
	});
}

export const canvasNode = (page: Page, name: string): Locator =>
	page.locator(`[data-test-id="canvas-node"][data-node-name="${name}"]`);

/** Opens a workflow and waits until its canvas shows nodes and has settled (fit to view, icons). */
export async function openWorkflow(page: Page, url: string, settleMs = 1000): Promise<void> {
	await page.goto(url, { waitUntil: 'domcontentloaded' });
	await page.locator('[data-test-id="canvas-node"]').first().waitFor();
	await page.waitForTimeout(settleMs);
}

/** The lines a canvas node shows under its icon: its name, then its subtitle. */
export async function canvasNodeLines(page: Page, name: string): Promise<string[]> {
	const text = await canvasNode(page, name).innerText();
	return text
		.split('\n')
		.map((line) => line.trim())
		.filter(Boolean);
}

/** Double-clicks a canvas node: its panel (NDV) opens. */
export async function openNode(page: Page, name: string): Promise<Locator> {
	await canvasNode(page, name).dblclick();
	const ndv = page.locator('[data-test-id="ndv"]');
	await ndv.waitFor();
	return ndv;
}

/** Option names of a dropdown in the open node panel (first line of each item: no description). */
export async function optionNames(page: Page, parameter: string): Promise<string[]> {
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
}

export async function choose(page: Page, parameter: string, name: string): Promise<void> {
	await page.click(`[data-test-id="ndv"] [data-test-id="parameter-input-${parameter}"]`);
	await page
		.locator('[data-test-id="parameter-input-item"]:visible', { hasText: name })
		.first()
		.click();
	await page
		.locator('[data-test-id="parameter-input-item"]:visible')
		.first()
		.waitFor({ state: 'hidden' });
}

/**
 * "Fetch Test Event" in an open trigger panel; resolves with the output panel once it shows the
 * event's items (the item count comes a moment before the items themselves).
 */
export async function fetchTestEvent(page: Page): Promise<Locator> {
	await page.locator('[data-test-id="ndv"] [data-test-id="node-execute-button"]').click();
	const output = page.locator('[data-test-id="ndv"] [data-test-id="output-panel"]');
	await output.locator('[data-test-id="run-data-item-count"]').first().waitFor({ timeout: 60_000 });
	await output
		.locator('[data-test-id="ndv-data-container"]', { hasText: /\w/ })
		.first()
		.waitFor({ timeout: 30_000 });
	return output;
}

/**
 * Opens the credential of the open node panel; n8n tests it on opening. Resolves with the
 * credential dialog once it says "Connection tested successfully".
 */
export async function openTestedCredential(page: Page): Promise<Locator> {
	await page.click('[data-test-id="ndv"] [data-test-id="credential-edit-button"]');
	const success = page.locator('[data-test-id="credentials-config-container-test-success"]');
	await success.waitFor({ timeout: 60_000 });
	return page.locator('[data-test-id="editCredential-modal"]');
}

/** "Execute workflow" on the open canvas; resolves when every node on it shows success. */
export async function executeWorkflow(page: Page, nodes: number): Promise<void> {
	await page.locator('[data-test-id="execute-workflow-button"]').first().click();
	const succeeded = page.locator('[data-test-id="canvas-node-status-success"]');
	const deadline = Date.now() + 60_000;
	while ((await succeeded.count()) < nodes) {
		if (Date.now() > deadline)
			throw new Error(`${await succeeded.count()} of ${nodes} nodes succeeded within 60 s`);
		await page.waitForTimeout(250);
	}
}

/** Closes n8n's toasts ("Node executed successfully"…) so they cover nothing. */
export async function dismissToasts(page: Page): Promise<void> {
	const toasts = page.locator('.el-notification:visible');
	const deadline = Date.now() + 10_000;
	while ((await toasts.count()) > 0) {
		if (Date.now() > deadline) throw new Error('a toast of the editor would not close');
		// A toast that is already fading out detaches under the click: try again.
		await toasts
			.first()
			.locator('.el-notification__closeBtn')
			.click({ timeout: 1000 })
			.catch(() => undefined);
		await page.waitForTimeout(200);
	}
}

export interface Clip {
	x: number;
	y: number;
	width: number;
	height: number;
}

/**
 * The smallest rectangle around every element the locators match, widened by `padding`. Each
 * locator must match at least one visible element.
 */
export async function clipAround(locators: Locator[], padding = 0): Promise<Clip> {
	const boxes: Clip[] = [];
	for (const locator of locators) {
		const matched = await locator.evaluateAll((elements) =>
			elements
				.map((element) => element.getBoundingClientRect())
				.filter((rect) => rect.width > 0 && rect.height > 0)
				.map((rect) => ({ x: rect.x, y: rect.y, width: rect.width, height: rect.height })),
		);
		if (matched.length === 0) throw new Error(`not visible, cannot frame it: ${String(locator)}`);
		boxes.push(...matched);
	}
	return frame(boxes, padding);
}

/**
 * The smallest rectangle around everything drawn for the elements `selector` matches, their
 * children included (a canvas node's name and subtitle are drawn below its box), widened by
 * `padding` and kept inside `within` (buttons that show on hover lie outside the canvas).
 */
export async function clipAroundDrawn(
	page: Page,
	selector: string,
	padding: number,
	within: Locator,
): Promise<Clip> {
	const boxes = await page.locator(selector).evaluateAll((elements) =>
		elements
			.flatMap((element) => [element, ...Array.from(element.querySelectorAll('*'))])
			.map((element) => element.getBoundingClientRect())
			.filter((rect) => rect.width > 0 && rect.height > 0)
			.map((rect) => ({ x: rect.x, y: rect.y, width: rect.width, height: rect.height })),
	);
	const bounds = await within.boundingBox();
	if (boxes.length === 0 || !bounds) throw new Error(`nothing drawn for ${selector}`);
	const inside = boxes.filter(
		(box) =>
			box.x >= bounds.x &&
			box.y >= bounds.y &&
			box.x + box.width <= bounds.x + bounds.width &&
			box.y + box.height <= bounds.y + bounds.height,
	);
	const clip = frame(inside, padding);
	const left = Math.max(clip.x, bounds.x);
	const top = Math.max(clip.y, bounds.y);
	const right = Math.min(clip.x + clip.width, bounds.x + bounds.width);
	const bottom = Math.min(clip.y + clip.height, bounds.y + bounds.height);
	return { x: left, y: top, width: right - left, height: bottom - top };
}

function frame(boxes: Clip[], padding: number): Clip {
	const left = Math.max(0, Math.min(...boxes.map((box) => box.x)) - padding);
	const top = Math.max(0, Math.min(...boxes.map((box) => box.y)) - padding);
	const right = Math.max(...boxes.map((box) => box.x + box.width)) + padding;
	const bottom = Math.max(...boxes.map((box) => box.y + box.height)) + padding;
	return { x: left, y: top, width: right - left, height: bottom - top };
}
