import type {
	IDataObject,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { searchTemplates } from '../MyPit/methods/listSearch';
import { simplifyRecord } from '../MyPit/operations/simplify';
import { DAY_MS, pollExpiry } from './expiryWindow';
import { manualSample } from './manualSample';
import { pollNewRecords, pollUpdatedRecords, type PollOutcome } from './newRecords';
import { badgeFilter, preparePoll } from './pollSetup';
import { triggerProperties } from './triggerDescription';
import { EVENT_SOURCES, TRIGGER_EVENTS, isBadgeEvent, type TriggerEvent } from './triggerEvents';
import {
	loadState,
	saveState,
	type ExpiryPosition,
	type ListPosition,
	type Position,
} from './triggerState';

export class MyPitTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'MyPit Trigger',
		name: 'myPitTrigger',
		icon: { light: 'file:../../icons/mypit.svg', dark: 'file:../../icons/mypit.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["event"]}}',
		description:
			'Starts the workflow when badges are issued, holders or templates appear, or badges near expiry',
		defaults: { name: 'MyPit Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'myPitApi', required: true }],
		properties: triggerProperties,
	};

	methods = {
		listSearch: { searchTemplates },
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const event = this.getNodeParameter('event', 'badge.issued') as TriggerEvent;
		if (!TRIGGER_EVENTS.includes(event)) {
			throw new NodeOperationError(
				this.getNode(),
				`Invalid "Event": expected one of ${TRIGGER_EVENTS.join(', ')}, got "${String(event)}"`,
			);
		}
		const source = EVENT_SOURCES[event];
		const setup = await preparePoll(this);
		const matches = isBadgeEvent(event) ? badgeFilter(this) : () => true;
		const aheadMs =
			event === 'badge.expiring' ? (this.getNodeParameter('daysAhead', 7) as number) * DAY_MS : 0;
		const simplify = this.getNodeParameter('simplify', true) as boolean;
		const toItem = (record: IDataObject): INodeExecutionData => ({
			json: { event, data: simplify ? simplifyRecord(source.record, record) : record },
		});
		const now = Date.now();

		if (this.getMode() === 'manual') {
			return [[toItem(await manualSample(setup, event, now, aheadMs, matches))]];
		}

		const staticData = this.getWorkflowStaticData('node');
		const saved = loadState(staticData, event)?.position;
		const includeExisting =
			(this.getNodeParameter('options.includeExisting', false) as boolean) === true;
		let outcome: PollOutcome<Position>;
		if (source.kind === 'new') {
			const found = await pollNewRecords(
				setup,
				source,
				saved as ListPosition | undefined,
				includeExisting,
			);
			outcome = { ...found, records: found.records.filter(matches) };
		} else if (source.kind === 'updated') {
			outcome = await pollUpdatedRecords(
				setup,
				source,
				saved as ListPosition | undefined,
				includeExisting,
			);
		} else {
			outcome = await pollExpiry(
				setup,
				source,
				{ now, aheadMs, matches },
				saved as ExpiryPosition | undefined,
				includeExisting,
			);
		}

		// Only now, after every read succeeded: a failed poll keeps the previous position. n8n
		// persists it when items are emitted (and after an activation poll); after an empty
		// poll it stays in memory only, and losing it just means reading a little more again.
		saveState(staticData, { version: 1, event, position: outcome.position });
		return outcome.records.length > 0 ? [outcome.records.map(toItem)] : null;
	}
}
