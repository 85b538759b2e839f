import { templateFields } from '../../nodes/MyPit/descriptions/templateParameters';

describe('Create Template parameters', () => {
	// n8n refuses an empty required parameter before the node runs (n8n's behaviour, not tested
	// here); what the node owns is marking the API's required fields as required.
	test('the fields the API requires on create are required parameters', () => {
		const onCreate = templateFields.filter((field) => {
			const show = field.displayOptions?.show;
			return (
				show?.resource?.includes('template') &&
				show?.operation?.includes('create') &&
				field.name !== 'options'
			);
		});

		expect(onCreate.map((field) => [field.name, field.required === true])).toEqual([
			['name', true],
			['typeOfBadge', true],
			['validityPeriod', true],
			['description', true],
			['criteria', true],
			['imageUrl', true],
			['price', true],
		]);
	});
});
