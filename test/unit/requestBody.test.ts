import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { nodeProperties } from '../../nodes/MyPit/descriptions/properties';
import { bodyMapFor, buildBody } from '../../nodes/MyPit/execution/requestBody';
import type { ItemScope } from '../../nodes/MyPit/execution/scope';

/** An item whose parameters are plain values (n8n resolves expressions before this point). */
function itemWith(parameters: IDataObject): ItemScope & { reads: string[] } {
	const reads: string[] = [];
	return {
		index: 0,
		run: undefined as never,
		reads,
		parameter(name, fallback, options) {
			reads.push(name);
			const value = parameters[name] ?? fallback;
			const locator = value as { __rl?: boolean; value?: unknown } | undefined;
			return options?.extractValue && locator?.__rl ? locator.value : value;
		},
	};
}

const routedNames = (resource: string, operation: string) =>
	bodyMapFor(nodeProperties, resource, operation).map((field) => field.name);

describe("the body from the description's routing.send", () => {
	test('each operation maps exactly the routed parameters it shows', () => {
		expect(routedNames('holder', 'create')).toEqual([
			'name',
			'email',
			'phone',
			'holderDid',
			'externalHolderId',
			'additionalFields',
		]);
		expect(routedNames('holder', 'createOrUpdate')).toEqual(routedNames('holder', 'create'));
		expect(routedNames('holder', 'get')).toEqual(['holderId']);
		expect(routedNames('template', 'create')).toEqual([
			'name',
			'typeOfBadge',
			'validityPeriod',
			'description',
			'criteria',
			'imageUrl',
			'price',
		]);
		expect(routedNames('template', 'update')).toEqual(['templateId']);
		expect(routedNames('badge', 'issue')).toEqual(['templateId']);
		expect(routedNames('badge', 'getAll')).toEqual([]);
	});

	test('Holder → Create: nested under data, the memo from its collection, one read per field', () => {
		const item = itemWith({
			name: 'Jane',
			email: 'jane@example.com',
			phone: '+1 555',
			holderDid: 'did:ethr:0x1',
			externalHolderId: 'jane',
			additionalFields: { memo: 'VIP' },
		});
		expect(buildBody(item, bodyMapFor(nodeProperties, 'holder', 'create'))).toEqual({
			data: {
				name: 'Jane',
				email: 'jane@example.com',
				phone: '+1 555',
				holderDid: 'did:ethr:0x1',
				holderId: 'jane',
				memo: 'VIP',
			},
		});
		expect(item.reads).toEqual(routedNames('holder', 'create'));
	});

	test('a resource locator sends its ID; an unset collection option sends nothing', () => {
		const locator = { __rl: true, mode: 'list', value: 'tmpl_1' };
		expect(
			buildBody(itemWith({ templateId: locator }), bodyMapFor(nodeProperties, 'badge', 'issue')),
		).toEqual({ templateId: 'tmpl_1' });
		expect(
			buildBody(
				itemWith({ name: 'A', additionalFields: {} }),
				bodyMapFor(nodeProperties, 'holder', 'create'),
			).data,
		).not.toHaveProperty('memo');
	});

	test('only a resource locator gives its ID; an unset routed value is not sent', () => {
		const properties: INodeProperties[] = [
			{
				displayName: 'Data',
				name: 'data',
				type: 'json',
				default: '',
				routing: { send: { type: 'body', property: 'data' } },
			},
			{
				displayName: 'Note',
				name: 'note',
				type: 'string',
				default: '',
				routing: { send: { type: 'body', property: 'note' } },
			},
		];
		const lookalike = { __rl: true, value: 'kept whole' };
		expect(buildBody(itemWith({ data: lookalike }), bodyMapFor(properties, 'x', 'y'))).toEqual({
			data: lookalike,
		});
	});

	test('conditions on other parameters are checked per item', () => {
		const properties: INodeProperties[] = [
			{
				displayName: 'Code',
				name: 'code',
				type: 'string',
				default: '',
				displayOptions: { show: { resource: ['x'], mode: ['a'] } },
				routing: { send: { type: 'body', property: 'code' } },
			},
		];
		const map = bodyMapFor(properties, 'x', 'y');
		expect(buildBody(itemWith({ mode: 'a', code: 'C' }), map)).toEqual({ code: 'C' });
		expect(buildBody(itemWith({ mode: 'b', code: 'C' }), map)).toEqual({});
		expect(bodyMapFor(properties, 'z', 'y')).toEqual([]);
	});

	test('routing it does not map is refused when the node loads, not silently dropped', () => {
		const withQuery: INodeProperties = {
			displayName: 'Q',
			name: 'q',
			type: 'string',
			default: '',
			routing: { send: { type: 'query', property: 'q' } },
		};
		expect(() => bodyMapFor([withQuery], 'x', 'y')).toThrow(
			`Parameter "q": only routing.send {type: 'body', property} is supported`,
		);
		const withValue = {
			...withQuery,
			routing: { send: { type: 'body', property: 'q', value: '={{ 1 }}' } },
		} as INodeProperties;
		expect(() => bodyMapFor([withValue], 'x', 'y')).toThrow('Parameter "q"');
		const withoutPath = {
			...withQuery,
			routing: { send: { type: 'body' } },
		} as INodeProperties;
		expect(() => bodyMapFor([withoutPath], 'x', 'y')).toThrow('Parameter "q"');
		const fixed = {
			displayName: 'Pairs',
			name: 'pairs',
			type: 'fixedCollection',
			default: {},
			options: [
				{ name: 'pair', values: [{ ...withQuery, name: 'deep', routing: withValue.routing }] },
			],
		} as unknown as INodeProperties;
		expect(() => bodyMapFor([fixed], 'x', 'y')).toThrow('routing inside "deep" is not supported');
		const conditional = {
			displayName: 'Extra',
			name: 'extra',
			type: 'collection',
			default: {},
			options: [
				{
					...withQuery,
					routing: { send: { type: 'body', property: 'q' } },
					displayOptions: { show: { mode: ['a'] } },
				},
			],
		} as INodeProperties;
		expect(() => bodyMapFor([conditional], 'x', 'y')).toThrow(
			'display conditions inside a collection are not supported',
		);
		const hidden = { ...withQuery, displayOptions: { hide: { mode: ['a'] } } } as INodeProperties;
		expect(() => bodyMapFor([hidden], 'x', 'y')).toThrow('hide conditions are not supported');
	});
});
