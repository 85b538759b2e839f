import type {
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { searchTemplates } from '../MyPit/methods/listSearch';
import { pollAlone, pollEvent } from './pollEvent';
import { eventSubtitle, triggerProperties } from './triggerDescription';

export class MyPitTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'MyPit Trigger',
		name: 'myPitTrigger',
		icon: { light: 'file:../../icons/mypit.svg', dark: 'file:../../icons/mypit.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: eventSubtitle(triggerProperties),
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
		// "Fetch Test Event" reads without touching the saved position: it may run beside a poll.
		if (this.getMode() === 'manual') return await pollEvent(this);
		return await pollAlone(this, async () => await pollEvent(this));
	}
}
