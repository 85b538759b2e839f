import type { INodeProperties } from 'n8n-workflow';

import {
	createHolder,
	createOrUpdateHolder,
	deleteHolder,
	getHolder,
	listHolders,
	updateHolder,
} from '../operations/holder';
import { ENDPOINTS } from '../transport/endpoints';
import { getManyFields, operation, optionsCollection, simplifyField } from './common';
import { filtersCollection } from './listFilters';
import {
	holderCreateFields,
	holderIdField,
	holderUpdateFields,
	showHolder,
} from './holderParameters';

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
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete a holder',
				description: 'Delete a holder',
			},
			ENDPOINTS.deleteHolder,
			deleteHolder,
		),
		operation(
			{ name: 'Get', value: 'get', action: 'Get a holder', description: 'Get one holder by ID' },
			ENDPOINTS.getHolder,
			getHolder,
		),
		operation(
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many holders',
				description: 'List your holders, or find them by email, name or Holder User ID (Filters)',
			},
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

const matchField: INodeProperties = {
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
};

export const holderFields: INodeProperties[] = [
	holderIdField,
	matchField,
	...holderCreateFields,
	holderUpdateFields,
	simplifyField(showHolder('get')),
	...getManyFields('holder', 'holders', (show) => filtersCollection('holder', 'holders', show)),
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
