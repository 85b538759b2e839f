/* eslint-disable @n8n/community-nodes/no-restricted-globals -- not shipped: n8n Cloud rules apply to nodes/ and credentials/ */
import { Semaphore } from '../../nodes/MyPit/transport/semaphore';

const tick = async () => await new Promise((resolve) => setImmediate(resolve));

/** A task as the request gate runs one: a permit held for its whole length, returned whatever happens. */
async function holding<T>(semaphore: Semaphore, task: () => Promise<T>): Promise<T> {
	const release = await semaphore.acquire();
	try {
		return await task();
	} finally {
		release();
	}
}

describe('Semaphore', () => {
	test('at most `size` holders; the next in line gets the permit on release, in arrival order', async () => {
		const semaphore = new Semaphore(2);
		const order: number[] = [];
		const releases = await Promise.all([semaphore.acquire(), semaphore.acquire()]);
		const waiting = [3, 4, 5].map(async (id) => {
			const release = await semaphore.acquire();
			order.push(id);
			return release;
		});
		await tick();
		expect(order).toEqual([]);

		releases[0]();
		await tick();
		expect(order).toEqual([3]);
		releases[0](); // a second call changes nothing
		await tick();
		expect(order).toEqual([3]);

		releases[1]();
		(await waiting[0])();
		await tick();
		expect(order).toEqual([3, 4, 5]);
		(await waiting[1])();
		(await waiting[2])();
		// Every permit is back: `size` are handed out at once, the next caller waits for one.
		const both = await Promise.all([semaphore.acquire(), semaphore.acquire()]);
		let third = false;
		const late = semaphore.acquire().then((release) => {
			third = true;
			return release;
		});
		await tick();
		expect(third).toBe(false);
		both[0]();
		await tick();
		expect(third).toBe(true);
		(await late)();
		both[1]();
	});

	test('never more than `size` tasks hold a permit, and a failed task gives its permit back', async () => {
		const semaphore = new Semaphore(3);
		let running = 0;
		let most = 0;
		const task = async (index: number) =>
			await holding(semaphore, async () => {
				running += 1;
				most = Math.max(most, running);
				await tick();
				running -= 1;
				if (index % 7 === 0) throw new Error(`task ${index}`);
				return index;
			});
		const results = await Promise.allSettled(Array.from({ length: 50 }, (_, index) => task(index)));
		expect(most).toBe(3);
		expect(results.filter((result) => result.status === 'rejected')).toHaveLength(8);
		expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(42);
		const all = await Promise.all([semaphore.acquire(), semaphore.acquire(), semaphore.acquire()]);
		expect(all).toHaveLength(3);
	});

	test('a size of 1 runs tasks one at a time; sizes below 1 or fractions are refused', async () => {
		const semaphore = new Semaphore(1);
		const log: string[] = [];
		await Promise.all(
			['a', 'b', 'c'].map(
				async (name) =>
					await holding(semaphore, async () => {
						log.push(`${name}+`);
						await tick();
						log.push(`${name}-`);
					}),
			),
		);
		expect(log).toEqual(['a+', 'a-', 'b+', 'b-', 'c+', 'c-']);
		expect(() => new Semaphore(0)).toThrow(
			new RangeError('A semaphore needs a size of 1 or more, got 0'),
		);
		expect(() => new Semaphore(1.5)).toThrow(RangeError);
	});
});
