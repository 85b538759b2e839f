import { evaluateGoals, goalsMarkdown } from '../../bench/goals';
import type { Measurement } from '../../bench/report';

type Row = Pick<Measurement, 'contender' | 'timeMs'> & Partial<Measurement>;

function scenario(name: string, goalGroup: Measurement['goalGroup'], rows: Row[]): Measurement[] {
	return rows.map((row) => ({
		scenario: name,
		goalGroup,
		requests: row.contender === 'floor' ? 0 : 10,
		minimumRequests: row.contender === 'floor' ? 0 : 10,
		items: 1000,
		expectedItems: 1000,
		timesMs: [row.timeMs],
		peakRssMb: row.contender === 'raw' ? null : 500,
		...row,
	}));
}

const goalOf = (measurements: Measurement[], name: string) =>
	evaluateGoals(measurements).find((result) => result.scenario === name);

describe('bench goals', () => {
	it('Return All: MyPit − floor against 1.1 × raw', () => {
		const rows = (myPit: number) =>
			scenario('all', 'return-all', [
				{ contender: 'raw', timeMs: 1000 },
				{ contender: 'floor', timeMs: 500 },
				{ contender: 'MyPit node', timeMs: myPit },
				{ contender: 'HTTP Request node', timeMs: 4000 },
			]);
		expect(goalOf(rows(1600), 'all')).toMatchObject({ met: true, detail: '1100 ms vs 1100 ms' });
		expect(goalOf(rows(1601), 'all')?.met).toBe(false);
	});

	it('Return All without a floor is not measured, not met', () => {
		const rows = scenario('all', 'return-all', [
			{ contender: 'raw', timeMs: 1000 },
			{ contender: 'MyPit node', timeMs: 1100 },
		]);
		expect(goalOf(rows, 'all')?.met).toBeNull();
	});

	it('Limit: within 10 ms of the HTTP Request node', () => {
		const rows = (myPit: number) =>
			scenario('limit', 'limit', [
				{ contender: 'MyPit node', timeMs: myPit },
				{ contender: 'HTTP Request node', timeMs: 100 },
			]);
		expect(goalOf(rows(110), 'limit')?.met).toBe(true);
		expect(goalOf(rows(111), 'limit')?.met).toBe(false);
	});

	it('bulk and per-item: no slower than the HTTP Request node', () => {
		for (const group of ['bulk', 'per-item'] as const) {
			const rows = (myPit: number) =>
				scenario('s', group, [
					{ contender: 'MyPit node', timeMs: myPit },
					{ contender: 'HTTP Request node', timeMs: 800 },
				]);
			expect(goalOf(rows(800), 's')?.met).toBe(true);
			expect(goalOf(rows(801), 's')?.met).toBe(false);
		}
	});

	it("bulk memory: MyPit's peak RSS no higher than the recipe's", () => {
		const rows = (peak: number) =>
			scenario('mem', 'bulk-memory', [
				{ contender: 'MyPit node', timeMs: 9000, peakRssMb: peak },
				{ contender: 'HTTP Request node', timeMs: 1000, peakRssMb: 900 },
			]);
		expect(goalOf(rows(900), 'mem')).toMatchObject({ met: true, detail: '900 MB vs 900 MB' });
		expect(goalOf(rows(901), 'mem')?.met).toBe(false);
	});

	it('request counts: every contender exactly at its minimum, the floor at 0', () => {
		const rows = scenario('r', undefined, [
			{ contender: 'raw', timeMs: 1 },
			{ contender: 'floor', timeMs: 1 },
		]);
		expect(goalOf(rows, 'all')?.met).toBe(true);
		rows[1].requests = 1;
		const off = goalOf(rows, 'all');
		expect(off?.met).toBe(false);
		expect(off?.detail).toBe('r · floor: 1 (min 0)');
	});

	it('scenarios without a goal add none; the table marks each result', () => {
		const rows = [
			...scenario('plain', undefined, [{ contender: 'raw', timeMs: 1 }]),
			...scenario('limit', 'limit', [{ contender: 'MyPit node', timeMs: 1 }]),
		];
		const results = evaluateGoals(rows);
		expect(results.map((r) => r.scenario)).toEqual(['limit', 'all']);
		expect(goalsMarkdown(results)).toContain(
			'| MyPit within 10 ms of HTTP Request | limit | not measured |',
		);
	});
});
