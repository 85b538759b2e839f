import type { INode, INodeParameters, INodeProperties } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { MyPit } from '../../nodes/MyPit/MyPit.node';
import { mergeRepeatedProperties } from '../../nodes/MyPit/descriptions/mergeRepeated';
import { declaredProperties } from '../../nodes/MyPit/descriptions/properties';

const description = new MyPit().description;
const node = { name: 'MyPit', type: 'n8n-nodes-mypit.myPit', typeVersion: 1 } as INode;

/** What the editor shows for these parameter values, in order, as n8n decides it. */
function shown(properties: INodeProperties[], values: INodeParameters): string[] {
	return properties
		.filter((property) => NodeHelpers.displayParameter(values, property, node, description, values))
		.map(({ displayOptions: _displayOptions, ...rest }) => JSON.stringify(rest));
}

/** Every resource and operation, with each value of the parameters other conditions read. */
function everyCase(): INodeParameters[] {
	const cases: INodeParameters[] = [];
	for (const selector of declaredProperties.filter((property) => property.name === 'operation')) {
		const resource = (selector.displayOptions!.show!.resource as string[])[0];
		for (const option of selector.options as Array<{ value: string }>) {
			for (const returnAll of [true, false]) {
				for (const recipientMode of ['single', 'list', 'allItems']) {
					cases.push({ resource, operation: option.value, returnAll, recipientMode });
				}
			}
		}
	}
	return cases;
}

describe('parameters several operations declare alike are one property', () => {
	test('the node has fewer top-level properties than it declares', () => {
		expect(description.properties.length).toBeLessThan(declaredProperties.length);
		const names = (properties: INodeProperties[]) => properties.map((property) => property.name);
		expect(names(description.properties).filter((name) => name === 'returnAll')).toHaveLength(1);
		expect(names(description.properties).filter((name) => name === 'templateId')).toHaveLength(1);
	});

	test.each(everyCase().map((values) => [JSON.stringify(values), values] as const))(
		'the editor shows the same parameters in the same order: %s',
		(_label, values) => {
			const declared = shown(declaredProperties, values);

			expect(declared.length).toBeGreaterThan(1);
			expect(shown(description.properties, values)).toEqual(declared);
		},
	);
});

describe('mergeRepeatedProperties leaves alone what it cannot fold exactly', () => {
	const selectors: INodeProperties[] = [
		{
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			displayOptions: { show: { resource: ['a'] } },
			options: [
				{ name: 'Get', value: 'get' },
				{ name: 'List', value: 'list' },
			],
			default: 'get',
		},
		{
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			displayOptions: { show: { resource: ['b'] } },
			options: [
				{ name: 'Get', value: 'get' },
				{ name: 'List', value: 'list' },
			],
			default: 'get',
		},
	];
	const field = (resource: string, operation: string, extra: Partial<INodeProperties> = {}) =>
		({
			displayName: 'Field',
			name: 'field',
			type: 'string',
			default: '',
			displayOptions: { show: { resource: [resource], operation: [operation] } },
			...extra,
		}) as INodeProperties;

	test('folds two alike fields of the same operation of two resources', () => {
		const merged = mergeRepeatedProperties([...selectors, field('a', 'list'), field('b', 'list')]);

		expect(merged).toHaveLength(3);
		expect(merged[2].displayOptions).toEqual({
			show: { resource: ['a', 'b'], operation: ['list'] },
		});
	});

	test('keeps both when the joined condition would show the field for a third operation', () => {
		// a:get with b:list would join to a:list and b:get as well.
		expect(
			mergeRepeatedProperties([...selectors, field('a', 'get'), field('b', 'list')]),
		).toHaveLength(4);
	});

	test('keeps both when they differ apart from where they show', () => {
		const other = field('b', 'list', { description: 'another text' });
		expect(mergeRepeatedProperties([...selectors, field('a', 'list'), other])).toHaveLength(4);
	});

	test('keeps both when a field shown for the later one lies between them (editor order)', () => {
		const between = { ...field('b', 'list'), name: 'between' };
		expect(
			mergeRepeatedProperties([...selectors, field('a', 'list'), between, field('b', 'list')]),
		).toHaveLength(5);
	});
});
