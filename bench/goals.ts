/**
 * The benchmark goals (issue 20), checked against one run's measurements. A pure function of the
 * measurements: a goal whose contenders were not measured (e.g. --only, --quick) says so.
 */
import type { Measurement } from './report';

/** Which goal a scenario's measurements are held to. */
export type GoalGroup = 'return-all' | 'limit' | 'bulk' | 'bulk-memory' | 'per-item';

export interface GoalResult {
	goal: string;
	scenario: string;
	/** null: not measured in this run. */
	met: boolean | null;
	detail: string;
}

const LIMIT_TOLERANCE_MS = 10;
const RETURN_ALL_FACTOR = 1.1;

const ms = (value: number) => `${Math.round(value)} ms`;

function byContender(measurements: Measurement[], scenario: string) {
	const find = (contender: Measurement['contender']) =>
		measurements.find((m) => m.scenario === scenario && m.contender === contender);
	return {
		raw: find('raw'),
		floor: find('floor'),
		myPit: find('MyPit node'),
		http: find('HTTP Request node'),
	};
}

function timeGoal(
	measurements: Measurement[],
	scenario: string,
	group: GoalGroup,
): Omit<GoalResult, 'scenario'> {
	const { raw, floor, myPit, http } = byContender(measurements, scenario);
	switch (group) {
		case 'return-all': {
			const goal = `MyPit − floor ≤ ${RETURN_ALL_FACTOR} × raw`;
			if (!raw || !floor || !myPit)
				return { goal, met: null, detail: 'raw, floor or MyPit not measured' };
			const own = myPit.timeMs - floor.timeMs;
			return {
				goal,
				met: own <= RETURN_ALL_FACTOR * raw.timeMs,
				detail: `${ms(own)} vs ${ms(RETURN_ALL_FACTOR * raw.timeMs)}`,
			};
		}
		case 'limit': {
			const goal = `MyPit within ${LIMIT_TOLERANCE_MS} ms of HTTP Request`;
			if (!myPit || !http) return { goal, met: null, detail: 'MyPit or HTTP Request not measured' };
			return {
				goal,
				met: myPit.timeMs <= http.timeMs + LIMIT_TOLERANCE_MS,
				detail: `${ms(myPit.timeMs)} vs ${ms(http.timeMs)}`,
			};
		}
		case 'bulk':
		case 'per-item': {
			const goal =
				group === 'bulk'
					? 'MyPit no slower than the HTTP Request recipe'
					: 'MyPit at least as fast as HTTP Request';
			if (!myPit || !http) return { goal, met: null, detail: 'MyPit or HTTP Request not measured' };
			return {
				goal,
				met: myPit.timeMs <= http.timeMs,
				detail: `${ms(myPit.timeMs)} vs ${ms(http.timeMs)}`,
			};
		}
		case 'bulk-memory': {
			const goal = "MyPit's peak RSS no higher than the HTTP Request recipe's";
			if (myPit?.peakRssMb == null || http?.peakRssMb == null)
				return { goal, met: null, detail: 'peak RSS of MyPit or HTTP Request not measured' };
			return {
				goal,
				met: myPit.peakRssMb <= http.peakRssMb,
				detail: `${myPit.peakRssMb} MB vs ${http.peakRssMb} MB`,
			};
		}
	}
}

/** Every scenario's goal, then one goal over all: request counts exactly minimal (floor: none). */
export function evaluateGoals(measurements: Measurement[]): GoalResult[] {
	const groups = new Map<string, GoalGroup>();
	for (const m of measurements) if (m.goalGroup) groups.set(m.scenario, m.goalGroup);
	const results: GoalResult[] = [];
	for (const [scenario, group] of groups)
		results.push({ scenario, ...timeGoal(measurements, scenario, group) });
	const offMinimum = measurements.filter((m) => m.requests !== m.minimumRequests);
	results.push({
		goal: 'request counts exactly minimal (floor: 0)',
		scenario: 'all',
		met: measurements.length === 0 ? null : offMinimum.length === 0,
		detail:
			offMinimum.length === 0
				? `${measurements.length} measurements`
				: offMinimum
						.map((m) => `${m.scenario} · ${m.contender}: ${m.requests} (min ${m.minimumRequests})`)
						.join('; '),
	});
	return results;
}

export function goalsMarkdown(results: GoalResult[]): string {
	const mark = (met: boolean | null) => (met === null ? 'not measured' : met ? 'met' : 'NOT met');
	return [
		'| Goal | Scenario | Met | Measured |',
		'|---|---|---|---|',
		...results.map((r) => `| ${r.goal} | ${r.scenario} | ${mark(r.met)} | ${r.detail} |`),
	].join('\n');
}
