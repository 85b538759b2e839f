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
	| { kind: 'get-template'; templateId: string; items: number };

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
	}
}
