import type { INodeProperties } from 'n8n-workflow';

import { createOrUpdateHolder } from '../operations/holderUpsert';
import { createHolder, deleteHolder, getHolder, listHolders, updateHolder } from '../operations/holder';
import { ENDPOINTS } from '../transport/endpoints';
import { getManyFields, holderLocator, operation, optionsCollection, simplifyField, updateFieldsCollection } from './common';

const show = (...operations: string[]) => ({ resource: ['holder'], operation: operations });

export const holderOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['holder'] } },
	default: 'create',
	options: [
		operation(
			{
				name: 'Create',
				value: 'create',
				action: 'Create a holder',
				description: 'Add a person to your holders, so badges can be issued to them',
			},
			ENDPOINTS.createHolder,
			createHolder,
		),
		operation(
			{
				name: 'Create or Update',
				value: 'createOrUpdate',
				action: 'Create or update a holder',
				description:
					'Update the holder with this email (or Holder User ID) if there is one, otherwise create it. Reads your holders once per run.',
			},
			ENDPOINTS.createHolder,
			createOrUpdateHolder,
		),
		operation(
			{ name: 'Delete', value: 'delete', action: 'Delete a holder', description: 'Delete a holder' },
			ENDPOINTS.deleteHolder,
			deleteHolder,
		),
		operation(
			{ name: 'Get', value: 'get', action: 'Get a holder', description: 'Get one holder by ID' },
			ENDPOINTS.getHolder,
			getHolder,
		),
		operation(
			{ name: 'Get Many', value: 'getAll', action: 'Get many holders', description: 'List your holders' },
			ENDPOINTS.listHolders,
			listHolders,
		),
		operation(
			{
				name: 'Update',
				value: 'update',
				action: 'Update a holder',
				description: "Change a holder's name, email or phone; the others keep their values",
			},
			ENDPOINTS.updateHolder,
			updateHolder,
		),
	],
};

const createFields: INodeProperties[] = [
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
].map((field) => ({ ...field, displayOptions: { show: show('create', 'createOrUpdate') } }) as INodeProperties);

const matchField: INodeProperties = {
	displayName: 'Match By',
	name: 'matchBy',
	type: 'options',
	noDataExpression: true,
	default: 'email',
	options: [
		{ name: 'Email', value: 'email', description: 'Same email, ignoring case and surrounding spaces' },
		{ name: 'Holder User ID', value: 'holderUserId', description: 'Same Holder User ID (the API\'s data.holderId)' },
	],
	description: 'How to find the existing holder',
	hint: 'Reads all your holders once per run (up to 1,000 per request), shared by all items. Only name, email and phone can be updated.',
	displayOptions: { show: show('createOrUpdate') },
};

const updateFields = updateFieldsCollection('holder', show('update'), [
	{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '' },
	{ displayName: 'Name', name: 'name', type: 'string', default: '' },
	{ displayName: 'Phone', name: 'phone', type: 'string', default: '' },
]);

export const holderFields: INodeProperties[] = [
	holderLocator(show('get', 'delete', 'update'), 'holderId'),
	matchField,
	...createFields,
	updateFields,
	simplifyField(show('get')),
	...getManyFields('holder', 'holders'),
	optionsCollection(show('create', 'createOrUpdate'), [
		{
			displayName: 'Issuer DID',
			name: 'issuerDid',
			type: 'string',
			default: '',
			placeholder: 'e.g. did:ethr:0x123...',
			description: 'Your issuer DID. Overrides the Default Issuer DID of the credential.',
		},
	]),
	optionsCollection(show('get', 'delete', 'update')),
];
