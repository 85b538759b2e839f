import type { IDataObject } from 'n8n-workflow';

import {
	requireNonNegativeNumber,
	requirePositiveInteger,
} from '../../nodes/MyPit/shared/validation';
import type { ProbeAccount } from './account';

/** The badge is valid for one day: it is a probe, and it cannot be deleted. */
export const PROBE_VALIDITY_DAYS = 1;
const NOTE = 'Made by npm run probe (n8n-nodes-mypit); deleted when the probe ends.';

/** The documented create body: every field the document lists, as it spells them. */
export function templateCreateBody(account: ProbeAccount, name: string): IDataObject {
	return {
		userId: account.userId,
		imageUrl: 'https://example.com/mypit-probe.png',
		typeOfBadge: 'achievement',
		name,
		validityPeriod: PROBE_VALIDITY_DAYS,
		description: NOTE,
		criteria: 'None: a probe record.',
		price: 0,
	};
}

/** example.com addresses: nothing MyPit might send to the holder reaches anyone. */
export function holderCreateBody(account: ProbeAccount, name: string): IDataObject {
	return {
		issuerDid: account.issuerDid ?? '',
		issuerId: account.userId,
		data: {
			name,
			email: `${name}@example.com`,
			phone: '+10000000000',
			ownerId: account.userId,
			memo: NOTE,
			holderDid: `did:example:${name}`,
			holderId: name,
		},
	};
}

export function issueBody(
	account: ProbeAccount,
	templateId: string,
	recipientId: string,
	name: string,
): IDataObject {
	return {
		userId: account.userId,
		validityPeriod: PROBE_VALIDITY_DAYS,
		templateId,
		badgeData: { probe: name },
		recipientIds: [recipientId],
		type: 'achievement',
	};
}

/**
 * The update's full `data`, as the node's Update Template sends it: every field the document
 * lists, from the template as read (numbers read as the node reads them), imageUrl and the
 * colours only when the template has them, a new name and a fresh updatedAt.
 */
export function templateUpdateData(
	template: IDataObject,
	name: string,
	updatedAt: number,
): IDataObject {
	const data: IDataObject = {
		name,
		type: template.type,
		description: template.description,
		criteria: template.criteria,
		validityPeriod: requirePositiveInteger(template.validityPeriod, 'validityPeriod'),
		price: requireNonNegativeNumber(template.price, 'price'),
		updatedAt,
	};
	for (const optional of ['imageUrl', 'backgroundColor', 'textColor']) {
		if (typeof template[optional] === 'string') data[optional] = template[optional];
	}
	return data;
}
