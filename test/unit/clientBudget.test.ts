import { ClientBudget, budgetFor } from '../../nodes/MyPit/transport/clientBudget';
import { readMaxRequestsPerMinute } from '../../nodes/MyPit/transport/requestGate';

describe('ClientBudget', () => {
	test('no limit: every slot is now and every send is allowed', () => {
		const budget = new ClientBudget();
		expect(budget.limited).toBe(false);
		for (let i = 0; i < 1000; i++) {
			expect(budget.reserveSlot(1000)).toEqual({ slotAt: 1000, endsAt: 1000, waitMs: 0 });
			expect(budget.confirmSend(1000)).toBe(0);
		}
	});

	test('no limit: nobody waits, even when the clock steps back', () => {
		const budget = new ClientBudget();
		expect(budget.reserveSlot(5000)).toEqual({ slotAt: 5000, endsAt: 5000, waitMs: 0 });
		expect(budget.reserveSlot(1000)).toEqual({ slotAt: 1000, endsAt: 1000, waitMs: 0 });
		expect(budget.confirmSend(5000)).toBe(0);
		expect(budget.confirmSend(1000)).toBe(0);
	});

	test('a send exactly one spacing after the last is recorded: the next one counts from it', () => {
		const budget = new ClientBudget();
		budget.setLimit(60);
		expect(budget.confirmSend(0)).toBe(0);
		expect(budget.confirmSend(1000)).toBe(0);
		expect(budget.confirmSend(1500)).toBe(500);
	});

	test('120 per minute: slots 500 ms apart in arrival order; any 60 s holds at most 120 sends', () => {
		const budget = new ClientBudget();
		budget.setLimit(120);
		const now = 10_000;
		const waits = Array.from({ length: 300 }, () => budget.reserveSlot(now).waitMs);
		expect(waits.slice(0, 4)).toEqual([0, 500, 1000, 1500]);
		const sends = waits.map((wait) => now + wait);
		for (const send of sends) expect(budget.confirmSend(send)).toBe(0);
		const most = Math.max(
			...sends.map(
				(start) => sends.filter((send) => send >= start && send < start + 60_000).length,
			),
		);
		expect(most).toBe(120);
	});

	test('a send that went out late pushes the next one back by the spacing', () => {
		const budget = new ClientBudget();
		budget.setLimit(60);
		expect(budget.reserveSlot(0).waitMs).toBe(0);
		expect(budget.reserveSlot(0).waitMs).toBe(1000);
		// The first request is sent 900 ms late (a busy process).
		expect(budget.confirmSend(900)).toBe(0);
		// The second wakes at its slot, 100 ms after: it waits 900 ms more.
		expect(budget.confirmSend(1000)).toBe(900);
		expect(budget.confirmSend(1900)).toBe(0);
		// And the slot after it moved too.
		expect(budget.reserveSlot(1900).waitMs).toBe(1000);
	});

	test('slots given back by a stopped run are taken again from the end of the row, in any order', () => {
		const budget = new ClientBudget();
		budget.setLimit(7); // 8,571.43 ms apart: slot times are not whole numbers
		const slots = [0, 1, 2, 3].map(() => budget.reserveSlot(0));
		expect(budget.confirmSend(0)).toBe(0);
		// Two of the three waiting requests are stopped; slot 3 is still taken.
		budget.giveBackSlot(slots[1]);
		budget.giveBackSlot(slots[2]);
		const next = budget.reserveSlot(100);
		expect(next.slotAt).toBe(slots[3].slotAt + 60_000 / 7);
		// The last two are stopped too, the later one first.
		budget.giveBackSlot(next);
		budget.giveBackSlot(slots[3]);
		// Every slot after the one sent is free again: the next request takes the second slot.
		expect(budget.reserveSlot(100)).toEqual({
			slotAt: slots[1].slotAt,
			endsAt: slots[1].endsAt,
			waitMs: slots[1].slotAt - 100,
		});
	});

	test('a slot given back while a later one is still taken stays a gap', () => {
		const budget = new ClientBudget();
		budget.setLimit(60);
		const [, middle, last] = [0, 1, 2].map(() => budget.reserveSlot(0));
		budget.giveBackSlot(middle);
		expect(budget.reserveSlot(0).slotAt).toBe(last.slotAt + 1000);
	});

	test('a limit changed by another run in between does not break the give-back', () => {
		const budget = new ClientBudget();
		budget.setLimit(60);
		const [, second] = [0, 1].map(() => budget.reserveSlot(0));
		budget.setLimit(30);
		budget.giveBackSlot(second);
		expect(budget.reserveSlot(0)).toMatchObject({ slotAt: 1000, endsAt: 3000 });
	});

	test('once every slot has passed, a late give-back changes nothing', () => {
		const budget = new ClientBudget();
		budget.setLimit(60);
		const [first] = [0, 1].map(() => budget.reserveSlot(0));
		expect(budget.reserveSlot(10_000)).toEqual({ slotAt: 10_000, endsAt: 11_000, waitMs: 0 });
		budget.giveBackSlot(first);
		expect(budget.reserveSlot(10_000).slotAt).toBe(11_000);
	});

	test('without a limit there is nothing to give back', () => {
		const budget = new ClientBudget();
		budget.giveBackSlot({ slotAt: 5000, endsAt: 6000, waitMs: 5000 });
		expect(budget.reserveSlot(0)).toEqual({ slotAt: 0, endsAt: 0, waitMs: 0 });
	});

	test('a pause after a 429 holds every request until it ends; a later, shorter pause does not shorten it', () => {
		const budget = new ClientBudget();
		expect(budget.pauseLeft(0)).toBe(0);
		budget.pauseFor(2000, 1000);
		expect(budget.pauseLeft(1500)).toBe(1500);
		budget.pauseFor(100, 1500);
		expect(budget.pauseLeft(1500)).toBe(1500);
		expect(budget.pauseLeft(3000)).toBe(0);
	});

	test('one budget per Base URL and client ID, whatever the trailing slash', () => {
		const a = budgetFor('https://api.example.com/', 'client-a');
		expect(budgetFor('https://api.example.com//', 'client-a')).toBe(a);
		expect(budgetFor('https://api.example.com', 'client-a')).toBe(a);
		expect(budgetFor('https://api.example.com', 'client-b')).not.toBe(a);
		expect(budgetFor('http://localhost:5680', 'client-a')).not.toBe(a);
	});
});

describe('readMaxRequestsPerMinute', () => {
	test.each([undefined, null, '', 0])('%p means no limit', (value) => {
		expect(readMaxRequestsPerMinute(value)).toBeUndefined();
	});

	test('a whole number from 1 to 100000 is the limit', () => {
		expect(readMaxRequestsPerMinute(1)).toBe(1);
		expect(readMaxRequestsPerMinute(60)).toBe(60);
		expect(readMaxRequestsPerMinute(100_000)).toBe(100_000);
	});

	test.each([-1, 2.5, 100_001, '60', Number.NaN])(
		'%p is refused naming the credential field',
		(value) => {
			expect(() => readMaxRequestsPerMinute(value)).toThrow(/Invalid "Max Requests per Minute"/);
		},
	);
});
