import { loadState } from '../../nodes/MyPitTrigger/triggerState';

const saved = (position: object) => ({
	mypitTrigger: { version: 1, event: 'holder.created', position },
});

describe('loadState: the trigger position saved in static data', () => {
	test('a mark saved in seconds (before seconds were read as seconds) comes back in milliseconds', () => {
		const state = loadState(
			saved({ kind: 'list', order: 'unknown', latest: 1_772_530_200, latestIds: ['h1'] }),
			'holder.created',
		);
		expect(state?.position).toEqual({
			kind: 'list',
			order: 'unknown',
			latest: 1_772_530_200_000,
			latestIds: ['h1'],
		});
	});

	test('a mark in milliseconds, a zero mark and an expiry position are kept as saved', () => {
		for (const latest of [1_772_530_200_000, 0]) {
			const position = { kind: 'list', order: 'oldest-first', latest, latestIds: [] };
			expect(loadState(saved(position), 'holder.created')?.position).toEqual(position);
		}
		const expiry = { kind: 'expiry', polledAt: 1_000, windowEnd: 2_000 };
		expect(loadState(saved(expiry), 'holder.created')?.position).toEqual(expiry);
	});

	test('an empty list mark (null in JSON) is -Infinity; another event or version starts afresh', () => {
		const empty = { kind: 'list', order: 'unknown', latest: null, latestIds: [] };
		expect(loadState(saved(empty), 'holder.created')?.position).toMatchObject({
			latest: Number.NEGATIVE_INFINITY,
		});
		expect(loadState(saved(empty), 'badge.issued')).toBeUndefined();
		expect(loadState({}, 'holder.created')).toBeUndefined();
	});
});
