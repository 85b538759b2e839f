import type { INodeProperties } from 'n8n-workflow';

import { fieldLabels, holderLocator, updateFieldsCollection, type Show } from './common';

/** The holder parameters that handlers validate, kept apart from the operations so handlers can read their labels. */
export const showHolder = (...operations: string[]): Show => ({
	resource: ['holder'],
	operation: operations,
});

export const holderIdField = holderLocator(showHolder('get', 'delete', 'update'), 'holderId');

export const holderCreateFields: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Jane Doe',
		description: "The holder's full name",
		routing: { send: { type: 'body', property: 'data.name' } },
	},
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		required: true,
		default: '',
		description: "The holder's email address",
		routing: { send: { type: 'body', property: 'data.email' } },
	},
	{
		displayName: 'Phone',
		name: 'phone',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. +1234567890',
		description: "The holder's phone number",
		routing: { send: { type: 'body', property: 'data.phone' } },
	},
	{
		displayName: 'Holder DID',
		name: 'holderDid',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. did:ethr:0x456...',
		description: "The holder's decentralized identifier",
		routing: { send: { type: 'body', property: 'data.holderDid' } },
	},
	{
		displayName: 'Holder User ID',
		name: 'externalHolderId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. holder789',
		description: "The holder's own ID (the API's data.holderId), for example their MyPit user ID",
		routing: { send: { type: 'body', property: 'data.holderId' } },
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add field',
		default: {},
		options: [
			{
				displayName: 'Memo',
				name: 'memo',
				type: 'string',
				typeOptions: { rows: 2 },
				default: '',
				description: 'A note about the holder',
				routing: { send: { type: 'body', property: 'data.memo' } },
			},
		],
	},
].map(
	(field) =>
		({
			...field,
			displayOptions: { show: showHolder('create', 'createOrUpdate') },
		}) as INodeProperties,
);

export const holderUpdateFields = updateFieldsCollection('holder', showHolder('update'), [
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
	},
	{ displayName: 'Name', name: 'name', type: 'string', default: '' },
	{ displayName: 'Phone', name: 'phone', type: 'string', default: '' },
]);

/** Labels of the holder parameters by name, for input errors (`holderLabels.name` is 'Name'). */
export const holderLabels = fieldLabels([holderIdField, ...holderCreateFields, holderUpdateFields]);
