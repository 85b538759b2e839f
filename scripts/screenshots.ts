/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- not shipped: n8n Cloud rules apply to nodes/ and credentials/ */
/**
 * `npm run screenshots`: the README's pictures (.github/images/), made from the real editor. Starts
 * what `npm start` starts (build, pack, n8n with the package, the seeded sandbox, the credential,
 * the examples) in a temporary folder on free ports, takes each picture in Debian's Chromium
 * (tooling/screenshots/capture.ts) and writes the PNGs listed in tooling/screenshots/shots.ts.
 *
 *   npm run screenshots [-- --no-build] [--n8n-version 1.123.81]
 *
 * Needs /usr/bin/chromium (`apt-get install -y chromium`) and provisions n8n on first use.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { REPO_ROOT } from '../tooling/n8n';
import { launchEditorBrowser, type EditorBrowser } from '../tooling/editor/browser';
import { markTipsSeen, signIn } from '../tooling/editor/editor';
import { CAPTURES } from '../tooling/screenshots/capture';
import { MAX_IMAGE_BYTES, SCREENSHOTS } from '../tooling/screenshots/shots';
import { startStack, type Stack } from '../tooling/stack/stack';

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
	return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

function parseArgs(argv: string[]): { build: boolean; n8nVersion?: string } {
	const options: { build: boolean; n8nVersion?: string } = {
		build: true,
		n8nVersion: process.env.N8N_VERSION || undefined,
	};
	for (let i = 0; i < argv.length; i++) {
		if (argv[i] === '--no-build') options.build = false;
		else if (argv[i] === '--n8n-version') options.n8nVersion = argv[++i];
		else throw new Error(`unknown option ${argv[i]} (use --no-build, --n8n-version <v>)`);
	}
	return options;
}

async function main(): Promise<number> {
	const options = parseArgs(process.argv.slice(2));
	const started = Date.now();
	let stack: Stack | undefined;
	let browser: EditorBrowser | undefined;
	let failed = false;
	try {
		stack = await startStack({
			home: 'temporary',
			n8nVersion: options.n8nVersion,
			build: options.build,
			port: 0,
			sandboxPort: 0,
			log: (line) => console.log(`  ${line}`),
		});
		console.log(`n8n ${stack.n8nVersion} with the MyPit node is ready (${seconds(stack.readyMs)})`);
		browser = await launchEditorBrowser({ viewport: { width: 1440, height: 900 } });
		await signIn(browser.page, stack.editorUrl, stack.owner);
		await markTipsSeen(browser.page);

		for (const shot of SCREENSHOTS) {
			const t0 = Date.now();
			const png = await CAPTURES[shot.id]({ page: browser.page, stack });
			const file = path.join(REPO_ROOT, shot.file);
			fs.mkdirSync(path.dirname(file), { recursive: true });
			fs.writeFileSync(file, png);
			const { width, height } = pngSize(png);
			const tooBig = png.length > MAX_IMAGE_BYTES;
			failed ||= tooBig;
			console.log(
				`${tooBig ? '✘' : '✔'} ${shot.file}  ${width}×${height}, ${Math.round(png.length / 1000)} kB  (${seconds(Date.now() - t0)})${tooBig ? `: over ${MAX_IMAGE_BYTES / 1000} kB` : ''}`,
			);
		}
	} finally {
		await browser?.close();
		await stack?.stop();
	}
	console.log(
		`${SCREENSHOTS.length} screenshots in ${seconds(Date.now() - started)}${failed ? ', some too big' : ''}`,
	);
	return failed ? 1 : 0;
}

main().then(
	(code) => process.exit(code),
	(error: unknown) => {
		console.error(error instanceof Error ? (error.stack ?? error.message) : error);
		process.exit(1);
	},
);
