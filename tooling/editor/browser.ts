/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- not shipped: n8n Cloud rules apply to nodes/ and credentials/ */
/**
 * Debian's Chromium driven by playwright-core, for the n8n editor: headless, a fresh profile,
 * only loopback reachable (every other host fails to resolve and is aborted). Used by the editor
 * test and by `npm run screenshots`.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** `apt-get install -y chromium`; env MYPIT_CHROMIUM for another path. */
export const CHROMIUM = process.env.MYPIT_CHROMIUM || '/usr/bin/chromium';

export const hasChromium = (): boolean => fs.existsSync(CHROMIUM);

/** Headless and quiet, plus: no DNS for anything but loopback. */
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

export function isLoopback(url: string): boolean {
	const { protocol, hostname } = new URL(url);
	return (
		protocol === 'data:' ||
		protocol === 'blob:' ||
		hostname === '127.0.0.1' ||
		hostname === 'localhost' ||
		hostname === '[::1]'
	);
}

export interface EditorBrowser {
	context: BrowserContext;
	page: Page;
	/** Non-loopback URLs the editor tried, all aborted. */
	blocked: string[];
	/** Uncaught errors of the page. */
	pageErrors: string[];
	/** Closes the browser and removes its profile. Safe to call twice. */
	close(): Promise<void>;
}

export interface LaunchOptions {
	viewport?: { width: number; height: number };
	/** 1 keeps screenshots small; 2 for sharper ones. */
	deviceScaleFactor?: number;
}

export async function launchEditorBrowser(options: LaunchOptions = {}): Promise<EditorBrowser> {
	if (!hasChromium()) throw new Error(`${CHROMIUM} is not installed: apt-get install -y chromium`);
	const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mypit-chromium-profile-'));
	const context = await chromium.launchPersistentContext(profileDir, {
		executablePath: CHROMIUM,
		headless: true,
		args: CHROMIUM_ARGS,
		viewport: options.viewport ?? { width: 1440, height: 900 },
		deviceScaleFactor: options.deviceScaleFactor ?? 1,
		timeout: 120_000,
	});
	const blocked: string[] = [];
	const pageErrors: string[] = [];
	await context.route('**/*', async (route) => {
		const url = route.request().url();
		if (isLoopback(url)) return await route.continue();
		blocked.push(url);
		return await route.abort();
	});
	const page = context.pages()[0] ?? (await context.newPage());
	page.setDefaultTimeout(30_000);
	// The editor's bundle runs before DOMContentLoaded; on a loaded machine that alone takes over 30 s.
	page.setDefaultNavigationTimeout(120_000);
	page.on('pageerror', (error) => pageErrors.push(error.message));
	// Leaving a workflow with unsaved changes (a parameter switched) asks first: leave.
	page.on('dialog', (dialog) => void dialog.accept());
	let closed: Promise<void> | undefined;
	return {
		context,
		page,
		blocked,
		pageErrors,
		close: () =>
			(closed ??= (async () => {
				await context.close();
				fs.rmSync(profileDir, { recursive: true, force: true });
			})()),
	};
}
