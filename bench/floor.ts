/**
 * The floor contender: the MyPit workflow with the MyPit node's output pinned. n8n passes pinned
 * items on without running the node (manual runs use the stored workflow's pinData), so the
 * same items go through the same n8n with no HTTP at all.
 */
import { importWorkflow, type N8nServer, type N8nWorkflowInput } from '../tooling/n8n';

/**
 * n8n's REST API refuses pinned data above 12 MiB (MAX_PINNED_DATA_SIZE in @n8n/api-types, a
 * constant, checked on create and update only). Larger pins are stored with `n8n import:workflow`,
 * which does not check it; the run then uses them like any other pinned data.
 */
const REST_PIN_DATA_LIMIT = 12 * 1024 * 1024 - 64 * 1024;

export function floorWorkflow(
	myPit: N8nWorkflowInput,
	nodeName: string,
	items: Array<{ json: unknown }>,
): N8nWorkflowInput {
	return {
		...myPit,
		name: `${String(myPit.name)} (floor: output pinned)`,
		pinData: { [nodeName]: items.map((item) => ({ json: item.json })) },
	};
}

/** Stores the floor workflow: over REST when n8n accepts its size, else with the CLI import. */
export async function createFloorWorkflow(
	server: N8nServer,
	workflow: N8nWorkflowInput,
): Promise<{ id: string; via: 'REST' | 'import:workflow' }> {
	const pinBytes = Buffer.byteLength(JSON.stringify(workflow.pinData ?? {}), 'utf8');
	if (pinBytes <= REST_PIN_DATA_LIMIT)
		return { id: await server.createWorkflow(workflow), via: 'REST' };
	return { id: await importWorkflow(server.home, workflow), via: 'import:workflow' };
}
