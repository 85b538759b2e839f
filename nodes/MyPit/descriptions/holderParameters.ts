import type { INodeProperties } from 'n8n-workflow';

import {
	createFields,
	fieldLabels,
	holderLocator,
	optionsCollection,
	showOf,
	simplifyField,
	updateFieldsCollection,
} from './common';
import { getManyFields } from './listFilters';

const showHolder = showOf('holder');

export const holderFields: INodeProperties[] = [
	holderLocator(showHolder('get', 'delete', 'update')),
	{
		displayName: 'Match By',
		name: 'matchBy',
		type: 'options',
		noDataExpression: true,
		default: 'email',
		options: [
			{
				name: 'Email',
				value: 'email',
				description: 'Same email, ignoring case and surrounding spaces',
			},
			{
				name: 'Holder User ID',
				value: 'holderUserId',
				description: "Same Holder User ID (the API's data.holderId)",
			},
		],
		description: 'How to find the existing holder',
		hint: 'Reads all your holders once per run (up to 1,000 per request), shared by all items. Only name, email and phone can be updated.',
		displayOptions: { show: showHolder('createOrUpdate') },
	},
	...createFields(showHolder('create', 'createOrUpdate'), 'data.', [
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			default: '',
			placeholder: 'e.g. Jane Doe',
			description: "The holder's full name",
		},
		{
			displayName: 'Email',
			name: 'email',
			type: 'string',
			placeholder: 'name@email.com',
			default: '',
			description: "The holder's email address",
		},
		{
			displayName: 'Phone',
			name: 'phone',
			type: 'string',
			default: '',
			placeholder: 'e.g. +1234567890',
			description: "The holder's phone number",
		},
		{
			displayName: 'Holder DID',
			name: 'holderDid',
			type: 'string',
			default: '',
			placeholder: 'e.g. did:ethr:0x456...',
			description: "The holder's decentralized identifier",
		},
		{
			displayName: 'Holder User ID',
			name: 'externalHolderId',
			type: 'string',
			default: '',
			placeholder: 'e.g. holder789',
			description: "The holder's own ID (the API's data.holderId), for example their MyPit user ID",
			routing: { send: { type: 'body', property: 'data.holderId' } },
		},
	]),
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
		displayOptions: { show: showHolder('create', 'createOrUpdate') },
	},
	updateFieldsCollection('holder', showHolder('update'), [
		{
			displayName: 'Email',
			name: 'email',
			type: 'string',
			placeholder: 'name@email.com',
			default: '',
		},
		{ displayName: 'Name', name: 'name', type: 'string', default: '' },
		{ displayName: 'Phone', name: 'phone', type: 'string', default: '' },
	]),
	simplifyField(showHolder('get')),
	...getManyFields('holder', 'holders'),
	optionsCollection(showHolder('create', 'createOrUpdate'), [
		{
			displayName: 'Issuer DID',
			name: 'issuerDid',
			type: 'string',
			default: '',
			placeholder: 'e.g. did:ethr:0x123...',
			description: 'Your issuer DID. Overrides the Default Issuer DID of the credential.',
		},
	]),
	optionsCollection(showHolder('get', 'delete', 'update')),
];

/** Labels of the holder parameters by name, for input errors (`holderLabels.name` is 'Name'). */
export const holderLabels = fieldLabels(holderFields);
