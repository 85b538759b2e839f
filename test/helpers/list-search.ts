import type { INode, INodeListSearchResult, INodeParameters } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';
import { LoadOptionsContext } from 'n8n-core';

import { TestCredentialsHelper } from '../../tooling/engine/credentials-helper';
import { createAdditionalData, registry, type MyPitCredentials } from '../../tooling/engine/engine';
import { MYPIT_NODE_TYPE } from '../../tooling/engine/package-loader';

/**
 * Calls one of the node's list-search methods the way the editor's "From list" picker does:
 * a LoadOptionsContext over a one-node workflow holding the current parameters.
 */
export async function searchList(
	method: 'searchTemplates' | 'searchHolders',
	credentials: MyPitCredentials,
	parameters: INodeParameters,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const { nodeTypes, credentialTypes } = await registry();
	const node: INode = {
		id: 'mypit',
		name: 'MyPit',
		type: MYPIT_NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters,
		credentials: { myPitApi: { id: '1', name: 'MyPit account' } },
	};
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	const additionalData = createAdditionalData(
		new TestCredentialsHelper(credentialTypes, { myPitApi: credentials }),
	);
	// The editor sends the node's current parameters along with every list search.
	additionalData.currentNodeParameters = parameters;
	const context = new LoadOptionsContext(workflow, node, additionalData, 'parameters.templateId');
	const search = nodeTypes.getByName(MYPIT_NODE_TYPE).methods?.listSearch?.[method];
	if (!search) throw new Error(`The node has no list search ${method}`);
	return await search.call(context, filter, paginationToken);
}
