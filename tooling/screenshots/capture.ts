/**
 * How each README picture is taken, in the editor of a running `npm start` stack: the same steps
 * a user takes, then a crop to the part the README talks about. PNG bytes out.
 */
import type { Page } from 'playwright-core';

import {
	clipAround,
	clipAroundDrawn,
	dismissToasts,
	executeWorkflow,
	fetchTestEvent,
	openNode,
	openTestedCredential,
	openWorkflow,
} from '../editor/editor';
import type { Stack } from '../stack/stack';
import { agentRunWorkflow, scriptedModelCredential } from '../ai/agentRun';
import { findThenIssue } from '../ai/badgeAssistantScripts';
import { startScriptedModel } from '../ai/scriptedModel';
import type { ScreenshotId } from './shots';

export interface CaptureContext {
	page: Page;
	stack: Stack;
}

type Capture = (context: CaptureContext) => Promise<Buffer>;

function exampleUrl(stack: Stack, prefix: string): string {
	const example = stack.examples.find((entry) => entry.file.startsWith(prefix));
	if (!example) throw new Error(`no example ${prefix}-*.json was imported`);
	return example.url;
}

/** The node panel's middle pane: its tabs, the Execute button and the parameters. */
const parametersPane = (page: Page) => [
	page.locator('[data-test-id="ndv"] [data-test-id="tab-params"]'),
	page.locator('[data-test-id="ndv"] [data-test-id="node-execute-button"]'),
	page.locator('[data-test-id="ndv"] [data-test-id="node-parameters"]'),
];

/** Nothing hovered, no toast (they appear a moment after a run): the panel as it rests. */
async function settle(page: Page): Promise<void> {
	await page.mouse.move(1, 1);
	await page.waitForTimeout(1000);
	await dismissToasts(page);
	await page.waitForTimeout(500);
}

export const CAPTURES: Record<ScreenshotId, Capture> = {
	/** Example 01's "Issue badge": Badge → Issue, one holder per item, skipping holders who have it. */
	async badgeIssuePanel({ page, stack }) {
		await openWorkflow(page, exampleUrl(stack, '01'));
		await openNode(page, 'Issue badge');
		await settle(page);
		// Down to the last field (Options), not the empty rest of the pane.
		const fields = page.locator('[data-test-id="ndv"] [data-test-id="parameter-item"]');
		const [tabs, execute] = parametersPane(page);
		return await page.screenshot({ clip: await clipAround([tabs, execute, fields], 4) });
	},

	/** Example 05's "New badge issued" trigger after Fetch Test Event: parameters and output. */
	async triggerTestEvent({ page, stack }) {
		await openWorkflow(page, exampleUrl(stack, '05'));
		await openNode(page, 'New badge issued');
		const output = await fetchTestEvent(page);
		await settle(page);
		return await page.screenshot({
			clip: await clipAround([...parametersPane(page), output], 4),
		});
	},

	/** Example 02 run from the editor: every node green, item counts on the connections. */
	async bulkIssueCanvas({ page, stack }) {
		await openWorkflow(page, exampleUrl(stack, '02'));
		await executeWorkflow(page, 5);
		await settle(page);
		const drawn = '[data-test-id="canvas-node"], [data-test-id="sticky"]';
		const canvas = page.locator('[data-test-id="canvas"]');
		return await page.screenshot({ clip: await clipAroundDrawn(page, drawn, 16, canvas) });
	},

	/**
	 * Example 04 run from the editor: its chat message pinned, the chat model a scripted one (no
	 * LLM here) that finds the template and the holder, issues, and answers. Every node green.
	 */
	async agentCanvas({ page, stack }) {
		const example = stack.examples.find((entry) => entry.file.startsWith('04'));
		if (!example) throw new Error('no example 04-*.json was imported');
		const model = await startScriptedModel(
			findThenIssue('hedy@example.com', 'First Aid Certificate'),
		);
		try {
			const credential = await stack.server.createCredential(scriptedModelCredential(model.url));
			const workflow = agentRunWorkflow(
				example.workflow,
				'Give hedy@example.com the First Aid Certificate badge',
				{ model: { id: credential.id, name: credential.name }, myPit: stack.credential },
				`${example.workflow.name} (after a run)`,
			);
			const id = await stack.server.createWorkflow(workflow);
			await openWorkflow(page, `${stack.editorUrl}workflow/${id}`);
			// The trigger, the agent, its model and the three MyPit tools.
			await executeWorkflow(page, 6);
			await settle(page);
			const drawn = '[data-test-id="canvas-node"], [data-test-id="sticky"]';
			const canvas = page.locator('[data-test-id="canvas"]');
			return await page.screenshot({ clip: await clipAroundDrawn(page, drawn, 16, canvas) });
		} finally {
			await model.close();
		}
	},

	/** The credential of example 01's MyPit nodes, opened from the node panel: n8n tests it. */
	async credentialTested({ page, stack }) {
		await openWorkflow(page, exampleUrl(stack, '01'));
		await openNode(page, 'Issue badge');
		const dialog = await openTestedCredential(page);
		await settle(page);
		return await dialog.screenshot();
	},
};
