/* eslint-disable @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- not shipped: n8n Cloud rules apply to nodes/ and credentials/ */
/**
 * The README's pictures, the files in .github/images/ and the screenshot script's list agree: every
 * picture the README shows exists, is one `npm run screenshots` makes (under the alt text the
 * script's list gives it), stays small, and none ships in the npm package. Cheap: no editor runs.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { CAPTURES } from '../../tooling/screenshots/capture';
import { MAX_IMAGE_BYTES, SCREENSHOTS } from '../../tooling/screenshots/shots';

const ROOT = path.resolve(__dirname, '..', '..');
const IMAGES_DIR = '.github/images';
const README = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');

/** Every image the README shows: Markdown `![alt](src)` and HTML `<img src alt>`. */
function readmeImages(markdown: string): Array<{ alt: string; src: string }> {
	const markdownImages = [
		...markdown.matchAll(/!\[([^\]]*)\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g),
	].map((match) => ({ alt: match[1], src: match[2] }));
	const htmlImages = [...markdown.matchAll(/<img\b[^>]*>/gi)].map((match) => ({
		alt: /\balt="([^"]*)"/i.exec(match[0])?.[1] ?? '',
		src: /\bsrc="([^"]*)"/i.exec(match[0])?.[1] ?? '',
	}));
	return [...markdownImages, ...htmlImages];
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('README pictures (npm run screenshots)', () => {
	const shown = readmeImages(README);

	test('the README finds its images the way it names them (the check reads both notations)', () => {
		expect(
			readmeImages('x ![A cat](.github/images/cat.png) y <img src="b.png" alt="B"> z'),
		).toEqual([
			{ alt: 'A cat', src: '.github/images/cat.png' },
			{ alt: 'B', src: 'b.png' },
		]);
	});

	test('every image the README shows exists in the repository', () => {
		expect(shown.length).toBeGreaterThan(0);
		const missing = shown.filter((image) => !fs.existsSync(path.join(ROOT, image.src)));
		expect(missing).toEqual([]);
	});

	test("the README shows exactly the screenshot script's pictures, each once, under its alt text", () => {
		expect(
			shown.map(({ src, alt }) => ({ src, alt })).sort((a, b) => a.src.localeCompare(b.src)),
		).toEqual(
			SCREENSHOTS.map(({ file, alt }) => ({ src: file, alt })).sort((a, b) =>
				a.src.localeCompare(b.src),
			),
		);
	});

	test('.github/images/ holds only what the script writes: nothing else added by hand', () => {
		expect(fs.readdirSync(path.join(ROOT, IMAGES_DIR)).sort()).toEqual(
			SCREENSHOTS.map((shot) => path.basename(shot.file)).sort(),
		);
		for (const shot of SCREENSHOTS) expect(path.dirname(shot.file)).toBe(IMAGES_DIR);
	});

	test('the script has the steps for every picture of its list, and nothing else', () => {
		expect(Object.keys(CAPTURES).sort()).toEqual(SCREENSHOTS.map((shot) => shot.id).sort());
	});

	test.each(SCREENSHOTS.map((shot) => [shot.file]))('%s is a PNG well under 200 kB', (file) => {
		const png = fs.readFileSync(path.join(ROOT, file));
		expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
		expect(png.length).toBeLessThan(MAX_IMAGE_BYTES);
		expect(MAX_IMAGE_BYTES).toBeLessThanOrEqual(200_000);
	});

	test('the npm package ships none of them', () => {
		const output = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
			cwd: ROOT,
			encoding: 'utf8',
		});
		const files = (JSON.parse(output)[0].files as Array<{ path: string }>).map((file) => file.path);
		expect(files.length).toBeGreaterThan(0);
		expect(files.filter((file) => file.startsWith('docs/') || file.endsWith('.png'))).toEqual([]);
	});
});
