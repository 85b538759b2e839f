import type { IDataObject, INodeParameters, INodePropertyOptions } from 'n8n-workflow';

import { operationSelectors } from '../../nodes/MyPit/descriptions/properties';
import { ENDPOINTS, type Endpoint } from '../../nodes/MyPit/transport/endpoints';
import { credentialsFor, type Account, type Sandbox } from '../../sandbox';
import { runMyPit, type MyPitCredentials } from './engine';

/**
 * Real outputs of every operation: each run goes through the built node in n8n's engine and over
 * HTTP to the sandbox. The schema generator (`npm run schemas`) writes the schemas from these
 * samples, and the schema test validates them against the committed schemas, so both read the
 * same runs. An operation added to the node needs its runs here (the schema test says so),
 * unless it outputs its endpoint's documented `{_id}` or `{success}` answer as it is: that sample
 * comes from the endpoint's `answer` in ENDPOINTS (`answerSamples`).
 */
export interface OutputSample {
	resource: string;
	operation: string;
	/** What the run shows, e.g. "Simplify off" or "a recipient that does not exist". */
	variant: string;
	items: IDataObject[];
}

interface Scenario {
	resource: string;
	operation: string;
	variant: string;
	/** Parameters of the MyPit node for an account that `seed` prepared. */
	parameters(seeded: Seeded): INodeParameters;
}

interface Seeded {
	templateId: string;
	holderIds: string[];
}

const byId = (value: string) => ({ __rl: true, mode: 'id', value });

/** Operations with a Simplify switch run once with it on and once with it off. */
const withSimplify = (
	resource: string,
	operation: string,
	parameters: (seeded: Seeded) => INodeParameters,
): Scenario[] =>
	[true, false].map((simplify) => ({
		resource,
		operation,
		variant: simplify ? 'Simplify on' : 'Simplify off',
		parameters: (seeded) => ({ ...parameters(seeded), simplify }),
	}));

export const SCENARIOS: Scenario[] = [
	{
		resource: 'template',
		operation: 'create',
		variant: 'every field',
		parameters: () => ({
			resource: 'template',
			operation: 'create',
			name: 'Course Completion',
			typeOfBadge: 'achievement',
			validityPeriod: 365,
			description: 'Awarded for completing the course',
			criteria: 'Complete all modules',
			imageUrl: 'https://example.com/badge.png',
			price: 0,
		}),
	},
	...withSimplify('template', 'get', ({ templateId }) => ({
		resource: 'template',
		operation: 'get',
		templateId: byId(templateId),
	})),
	...withSimplify('template', 'getAll', () => ({
		resource: 'template',
		operation: 'getAll',
		returnAll: true,
	})),
	{
		resource: 'template',
		operation: 'update',
		variant: 'name and colours',
		parameters: ({ templateId }) => ({
			resource: 'template',
			operation: 'update',
			templateId: byId(templateId),
			updateFields: {
				name: 'Course Completion (2nd edition)',
				backgroundColor: '#112233',
				textColor: '#FFFFFF',
			},
		}),
	},
	{
		resource: 'template',
		operation: 'delete',
		variant: 'existing template',
		parameters: ({ templateId }) => ({
			resource: 'template',
			operation: 'delete',
			templateId: byId(templateId),
		}),
	},
	{
		resource: 'holder',
		operation: 'create',
		variant: 'every field',
		parameters: () => ({
			resource: 'holder',
			operation: 'create',
			name: 'Jane Doe',
			email: 'jane@example.com',
			phone: '+1234567890',
			holderDid: 'did:ethr:0x456abc',
			externalHolderId: 'holder-789',
			additionalFields: { memo: 'Cohort 7' },
		}),
	},
	{
		resource: 'holder',
		operation: 'create',
		variant: 'without a memo',
		parameters: () => ({
			resource: 'holder',
			operation: 'create',
			name: 'Ann Lee',
			email: 'ann@example.com',
			phone: '+1987654321',
			holderDid: 'did:ethr:0x789def',
			externalHolderId: 'holder-790',
		}),
	},
	{
		resource: 'holder',
		operation: 'createOrUpdate',
		variant: 'a new holder, matched by email',
		parameters: () => ({
			resource: 'holder',
			operation: 'createOrUpdate',
			matchBy: 'email',
			name: 'Kim Park',
			email: 'kim@example.com',
			phone: '+1555000111',
			holderDid: 'did:ethr:0xabc123',
			externalHolderId: 'holder-791',
		}),
	},
	...withSimplify('holder', 'get', ({ holderIds }) => ({
		resource: 'holder',
		operation: 'get',
		holderId: byId(holderIds[0]),
	})),
	...withSimplify('holder', 'getAll', () => ({
		resource: 'holder',
		operation: 'getAll',
		returnAll: true,
	})),
	{
		resource: 'holder',
		operation: 'update',
		variant: 'email',
		parameters: ({ holderIds }) => ({
			resource: 'holder',
			operation: 'update',
			holderId: byId(holderIds[0]),
			updateFields: { email: 'new.address@example.com' },
		}),
	},
	{
		resource: 'holder',
		operation: 'delete',
		variant: 'existing holder',
		parameters: ({ holderIds }) => ({
			resource: 'holder',
			operation: 'delete',
			holderId: byId(holderIds[0]),
		}),
	},
	{
		resource: 'badge',
		operation: 'issue',
		variant: 'one holder',
		parameters: ({ templateId, holderIds }) => ({
			resource: 'badge',
			operation: 'issue',
			templateId: byId(templateId),
			holderId: byId(holderIds[0]),
			badgeData: '{"course":"A1"}',
		}),
	},
	{
		resource: 'badge',
		operation: 'issue',
		variant: 'a list with a holder that does not exist',
		parameters: ({ templateId, holderIds }) => ({
			resource: 'badge',
			operation: 'issue',
			templateId: byId(templateId),
			recipientMode: 'list',
			recipientIds: [holderIds[0], 'hold_missing', holderIds[1]].join(', '),
		}),
	},
	{
		resource: 'badge',
		operation: 'issue',
		variant: 'skipping holders who already have it',
		parameters: ({ templateId, holderIds }) => ({
			resource: 'badge',
			operation: 'issue',
			templateId: byId(templateId),
			recipientMode: 'list',
			recipientIds: holderIds.join(', '),
			options: { skipHoldersWithBadge: true },
		}),
	},
	...withSimplify('badge', 'getAll', () => ({
		resource: 'badge',
		operation: 'getAll',
		returnAll: true,
	})),
];

/** What an operation that outputs its endpoint's answer as it is returns, by that answer's shape. */
const DOCUMENTED_OUTPUT: Partial<Record<Endpoint['answer'], IDataObject>> = {
	id: { _id: 'id' },
	success: { success: true },
};

/**
 * The samples of the operations that have no runs in SCENARIOS and whose endpoint answers `{_id}`
 * or `{success}` (ENDPOINTS): their output is that answer, so no run is needed for the schema.
 * Their engine test holds that the output is exactly that.
 */
export function answerSamples(scenarios: Scenario[] = SCENARIOS): OutputSample[] {
	const samples: OutputSample[] = [];
	for (const selector of operationSelectors) {
		const resource = String(selector.displayOptions?.show?.resource?.[0]);
		for (const option of (selector.options ?? []) as INodePropertyOptions[]) {
			const operation = String(option.value);
			if (scenarios.some((s) => s.resource === resource && s.operation === operation)) continue;
			const path = option.routing?.request?.url;
			const endpoint = Object.values(ENDPOINTS).find((entry) => entry.path === path);
			const item = endpoint && DOCUMENTED_OUTPUT[endpoint.answer];
			if (item)
				samples.push({ resource, operation, variant: `the answer of ${path}`, items: [item] });
		}
	}
	return samples;
}

/** A fresh account with two templates, three holders (one with a memo) and two issued badges. */
function seed(sandbox: Sandbox): { account: Account; seeded: Seeded } {
	const { control } = sandbox;
	const account = control.createAccount();
	const [template] = control.seedTemplates(account.userId, 2);
	// The memo is optional: one holder has it, so the schemas list it for Get and Get Many too.
	const holders = control.seedHolders(account.userId, 3, (i) =>
		i === 0 ? { memo: 'Cohort 7' } : {},
	);
	control.seedBadges(account.userId, 2, { templateId: template._id });
	return {
		account,
		seeded: { templateId: template._id, holderIds: holders.map((holder) => holder._id) },
	};
}

/** Runs every scenario, each on its own fresh account, and returns the output items (and `answerSamples`). */
export async function collectOutputSamples(
	sandbox: Sandbox,
	scenarios: Scenario[] = SCENARIOS,
): Promise<OutputSample[]> {
	const samples: OutputSample[] = [];
	for (const scenario of scenarios) {
		const { account, seeded } = seed(sandbox);
		const credentials: MyPitCredentials = credentialsFor(account, sandbox.url);
		const result = await runMyPit({ credentials, parameters: scenario.parameters(seeded) });
		const label = `${scenario.resource}/${scenario.operation} (${scenario.variant})`;
		if (result.error) throw new Error(`${label} failed: ${result.error.message}`);
		if (result.items.length === 0) throw new Error(`${label} returned no items`);
		samples.push({
			resource: scenario.resource,
			operation: scenario.operation,
			variant: scenario.variant,
			items: result.items.map((item) => item.json as IDataObject),
		});
	}
	return [...samples, ...answerSamples(scenarios)];
}
