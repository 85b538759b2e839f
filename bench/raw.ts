/**
 * The floor: a plain Node.js fetch loop making the same requests, with keep-alive, one at a time.
 */
import { BADGE_TYPE, PAGE_SIZE, VALIDITY_DAYS, createHolderBody, type Job } from './jobs';

export interface Account {
	clientId: string;
	secretKey: string;
	userId: string;
}

async function post(
	url: string,
	account: Account,
	path: string,
	body: unknown,
): Promise<Record<string, unknown>> {
	const response = await fetch(`${url}${path}`, {
		method: 'POST',
		headers: {
			'content-type': 'application/json',
			clientId: account.clientId,
			secretKey: account.secretKey,
		},
		body: JSON.stringify(body),
	});
	if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
	return (await response.json()) as Record<string, unknown>;
}

/** Runs the job; returns how many records (or recipients) it produced. */
export async function runRaw(url: string, account: Account, job: Job): Promise<number> {
	const { userId } = account;
	switch (job.kind) {
		case 'list': {
			const limit = job.limit ?? Number.POSITIVE_INFINITY;
			let count = 0;
			let cursor: string | undefined;
			while (count < limit) {
				const numItems = Math.min(PAGE_SIZE, limit - count);
				const body = await post(url, account, '/getHolders', {
					userId,
					paginationOpts: cursor === undefined ? { numItems } : { numItems, cursor },
				});
				count += Math.min((body.page as unknown[]).length, limit - count);
				if (!body.hasMore) break;
				cursor = body.cursor as string;
			}
			return count;
		}
		case 'issue-bulk':
		case 'issue-single': {
			const batchSize = job.kind === 'issue-bulk' ? job.batchSize : 1;
			let issued = 0;
			for (let start = 0; start < job.holderIds.length; start += batchSize) {
				const body = await post(url, account, '/issueBadge', {
					userId,
					validityPeriod: VALIDITY_DAYS,
					templateId: job.templateId,
					badgeData: {},
					recipientIds: job.holderIds.slice(start, start + batchSize),
					type: BADGE_TYPE,
				});
				issued += (body.issuedBadges as unknown[]).length;
			}
			return issued;
		}
		case 'get-template': {
			for (let index = 0; index < job.items; index++) {
				await post(url, account, '/getASingleBadgeTemplate', {
					userId,
					templateId: job.templateId,
				});
			}
			return job.items;
		}
		case 'create-holders': {
			for (const row of job.rows)
				await post(url, account, '/createHolder', createHolderBody(userId, row));
			return job.rows.length;
		}
	}
}
