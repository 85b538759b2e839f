/**
 * The README's pictures. Each is made from the real editor by `npm run screenshots`
 * (scripts/screenshots.ts, the steps in capture.ts), never edited by hand, and the README shows
 * each under exactly this alt text: test/package/readmeImages.test.ts holds the README, the files
 * in .github/images/ and this list together. Plain data, so that test stays cheap. A dot folder:
 * `n8n-node build` copies every .png and .svg outside dot folders into dist/.
 */
export const SCREENSHOTS = [
	{
		id: 'badgeIssuePanel',
		file: '.github/images/node-panel-badge-issue.png',
		alt: 'The MyPit node panel in n8n: Badge → Issue with its Template, Recipients, Holder, Badge Data and Options',
	},
	{
		id: 'triggerTestEvent',
		file: '.github/images/trigger-fetch-test-event.png',
		alt: 'The MyPit Trigger panel after Fetch Test Event: the newest issued badge, each date as a number and as ISO text',
	},
	{
		id: 'bulkIssueCanvas',
		file: '.github/images/example-02-canvas-after-run.png',
		alt: 'Example 02 on the canvas after a run: five sheet rows become five holders and five badges issued in bulk',
	},
	{
		id: 'agentCanvas',
		file: '.github/images/example-04-agent-canvas-after-run.png',
		alt: 'Example 04 on the canvas after a run: the AI Agent found the template and the holder with the MyPit tools and issued the badge',
	},
	{
		id: 'credentialTested',
		file: '.github/images/credential-tested.png',
		alt: 'The MyPit API credential dialog in n8n after a successful connection test',
	},
] as const;

export type Screenshot = (typeof SCREENSHOTS)[number];
export type ScreenshotId = Screenshot['id'];

/** Each picture stays well under this, so the README loads fast. */
export const MAX_IMAGE_BYTES = 200_000;
