import type { INodeProperties } from 'n8n-workflow';

import { createHolder, deleteHolder, getHolder, listHolders, updateHolder } from '../operations/holder';
import { ENDPOINTS } from '../transport/endpoints';
import { getManyFields, operation, optionsCollection, simplifyField } from './common';
import { holderCreateFields, holderIdField, holderUpdateFields, showHolder } from './holderParameters';

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

export const holderFields: INodeProperties[] = [
	holderIdField,
	...holderCreateFields,
	holderUpdateFields,
	simplifyField(showHolder('get')),
	...getManyFields('holder', 'holders'),
	optionsCollection(showHolder('create'), [
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
