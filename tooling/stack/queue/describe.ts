/* eslint-disable @n8n/community-nodes/no-restricted-imports -- not shipped: n8n Cloud rules apply to nodes/ and credentials/ */
/** What `npm start -- --queue` prints about the queue-mode parts it started. */
import * as path from 'node:path';

import { REPO_ROOT } from '../../n8n';
import type { QueueStack } from './queueStack';

export function describeQueueStack(stack: QueueStack): string[] {
	const relative = (file: string) => path.relative(REPO_ROOT, file) || file;
	return [
		`  Queue mode: EXECUTIONS_MODE=queue, one N8N_ENCRYPTION_KEY for all n8n processes`,
		`    Redis       127.0.0.1:${stack.redis.port}  (redis-server pid ${stack.redis.service.pid ?? '?'})`,
		`    PostgreSQL  127.0.0.1:${stack.postgres.port}  database ${stack.postgres.database}, user ${stack.postgres.user}  (postgres pid ${stack.postgres.service.pid ?? '?'})`,
		`    main        n8n start pid ${stack.server.pid ?? '?'}, ${stack.server.baseUrl}`,
		...stack.workers.map(
			(worker) =>
				`    ${worker.name.padEnd(11)} n8n worker pid ${worker.pid ?? '?'}, log ${relative(worker.logFile)}`,
		),
		`    Each n8n process has its own user folder with n8n-nodes-mypit installed in .n8n/nodes.`,
		`    Everything lives in ${relative(stack.runDir)} and is removed on Ctrl-C.`,
	];
}
