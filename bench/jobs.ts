/** The jobs the benchmark times, each done by every contender. */
export type Job =
	| { kind: 'list'; records: number; limit?: number }
	| {
			kind: 'issue-bulk';
			holderIds: string[];
			templateId: string;
			batchSize: number;
			/** MyPit gets one item with every ID (Aggregate → Holder IDs list) instead of one per holder. */
			aggregated?: boolean;
	  }
	| { kind: 'issue-single'; holderIds: string[]; templateId: string }
	| { kind: 'get-template'; templateId: string; items: number }
	/** Holder → Create from form or sheet rows: five fields mapped from each input item. */
	| { kind: 'create-holders'; rows: HolderRow[] };

/** A row as a sheet or form gives it, mapped to the holder's five fields. */
export interface HolderRow {
	name: string;
	email: string;
	phone: string;
	did: string;
	userId: string;
}

/** The issuer DID of the bench credential (Holder → Create sends it). */
export const BENCH_ISSUER_DID = 'did:mypit:bench';

/** The createHolder body for one row, as the MyPit node sends it. */
export function createHolderBody(userId: string, row: HolderRow) {
	return {
		issuerDid: BENCH_ISSUER_DID,
		issuerId: userId,
		data: {
			name: row.name,
			email: row.email,
			phone: row.phone,
			ownerId: userId,
			holderDid: row.did,
			holderId: row.userId,
		},
	};
}

export function holderRows(count: number): HolderRow[] {
	return Array.from({ length: count }, (_, index) => ({
		name: `Form Person ${index}`,
		email: `person${index}@example.org`,
		phone: `+1 555 ${String(index).padStart(7, '0')}`,
		did: `did:ethr:0xform${index}`,
		userId: `form-${index}`,
	}));
}

export const PAGE_SIZE = 100;
export const VALIDITY_DAYS = 30;
export const BADGE_TYPE = 'achievement';

/** Output items and the fewest requests that can do the job. */
export function expectations(job: Job): { items: number; minimumRequests: number } {
	switch (job.kind) {
		case 'list': {
			const wanted = job.limit === undefined ? job.records : Math.min(job.limit, job.records);
			return { items: wanted, minimumRequests: Math.max(1, Math.ceil(wanted / PAGE_SIZE)) };
		}
		case 'issue-bulk':
			return {
				items: job.holderIds.length,
				minimumRequests: Math.ceil(job.holderIds.length / job.batchSize),
			};
		case 'issue-single':
			return { items: job.holderIds.length, minimumRequests: job.holderIds.length };
		case 'get-template':
			return { items: job.items, minimumRequests: job.items };
		case 'create-holders':
			return { items: job.rows.length, minimumRequests: job.rows.length };
	}
}
