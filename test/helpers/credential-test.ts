import type {
	IAuthenticateRuleResponseCode,
	IAuthenticateRuleResponseSuccessBody,
	ICredentialTestRequest,
	INode,
	INodeType,
} from 'n8n-workflow';
import { Workflow, createRunExecutionData } from 'n8n-workflow';
import { ExecuteContext, RoutingNode } from 'n8n-core';

import { TestCredentialsHelper } from '../../tooling/engine/credentials-helper';
import {
	TestNodeTypes,
	createAdditionalData,
	registry,
	type MyPitCredentials,
} from '../../tooling/engine/engine';

export interface CredentialTestResult {
	status: 'OK' | 'Error';
	message: string;
}

type Rule = IAuthenticateRuleResponseCode | IAuthenticateRuleResponseSuccessBody;

/**
 * Tests a MyPit credential the way n8n's credential tester does for a declarative `test`: the
 * test request runs through n8n-core's RoutingNode with the credential's `authenticate`, then
 * the credential's rules decide the message.
 */
export async function testMyPitCredential(data: MyPitCredentials): Promise<CredentialTestResult> {
	const { credentialTypes } = await registry();
	const credentialType = credentialTypes.get('myPitApi');
	const test = credentialType?.test as ICredentialTestRequest;
	const rules = (test.rules ?? []) as Rule[];

	const nodeType: INodeType = {
		description: {
			displayName: 'Credential test',
			name: 'credentialTest',
			group: ['transform'],
			version: 1,
			description: 'Runs a credential test request',
			defaults: { name: 'Credential test' },
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: 'myPitApi', required: true }],
			properties: [
				{
					displayName: 'Temp',
					name: 'temp',
					type: 'string',
					default: '',
					routing: { request: test.request },
				},
			],
		},
	} as INodeType;
	const node: INode = {
		id: 'temp',
		name: 'Temp-Node',
		type: 'test.credentialTest',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		credentials: { myPitApi: { id: '1', name: 'MyPit account' } },
	};
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: new TestNodeTypes(new Map([['test.credentialTest', nodeType]])),
	});
	const additionalData = createAdditionalData(
		new TestCredentialsHelper(credentialTypes, { myPitApi: data }),
	);
	const context = new ExecuteContext(
		workflow,
		node,
		additionalData,
		'internal',
		createRunExecutionData(),
		0,
		[],
		{ main: [[{ json: {} }]] },
		{ node, data: {}, source: null },
		[],
	);
	const routingNode = new RoutingNode(context, nodeType, {
		id: '1',
		name: 'MyPit account',
		type: 'myPitApi',
		data,
	});

	let response;
	try {
		response = await routingNode.runNode();
	} catch (caught) {
		const error = caught as {
			cause?: { response?: { status: number; statusText?: string }; code?: string };
			message: string;
		};
		const status = error.cause?.response?.status;
		if (status !== undefined) {
			for (const rule of rules) {
				if (rule.type === 'responseCode' && rule.properties.value === status) {
					return { status: 'Error', message: rule.properties.message };
				}
			}
			return {
				status: 'Error',
				message: error.cause?.response?.statusText || `Received HTTP status code: ${status}`,
			};
		}
		return { status: 'Error', message: error.cause?.code ?? error.message };
	}
	const body = response?.[0]?.[0]?.json as Record<string, unknown> | undefined;
	for (const rule of rules) {
		if (
			rule.type === 'responseSuccessBody' &&
			body?.[rule.properties.key] === rule.properties.value
		) {
			return { status: 'Error', message: rule.properties.message };
		}
	}
	return { status: 'OK', message: 'Connection successful!' };
}
