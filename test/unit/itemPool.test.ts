/* eslint-disable @n8n/community-nodes/no-restricted-globals -- not shipped: n8n Cloud rules apply to nodes/ and credentials/ */
import { runEachItem } from '../../nodes/MyPit/execution/customOperation';
import { ExecutionCancelledError } from '../../nodes/MyPit/transport/cancellation';

const tick = async () => await new Promise((resolve) => setImmediate(resolve));

/** Work whose items finish when the test says so, recording starts and the peak in flight. */
function controlledWork() {
	const started: number[] = [];
	const finish = new Map<
		number,
		{ resolve: (value: string) => void; reject: (e: Error) => void }
	>();
	let inFlight = 0;
	let peak = 0;
	const work = async (index: number) => {
		started.push(index);
		inFlight++;
		peak = Math.max(peak, inFlight);
		try {
			return await new Promise<string>((resolve, reject) => finish.set(index, { resolve, reject }));
		} finally {
			inFlight--;
		}
	};
	return { started, finish, work, peak: () => peak };
}

describe('runEachItem', () => {
	test('results in item order whatever the finishing order; at most `width` items at once', async () => {
		const { started, finish, work, peak } = controlledWork();
		const done = runEachItem(5, { width: 2 }, work);
		await tick();
		expect(started).toEqual([0, 1]);
		finish.get(1)!.resolve('b');
		await tick();
		expect(started).toEqual([0, 1, 2]);
		finish.get(2)!.resolve('c');
		finish.get(0)!.resolve('a');
		await tick();
		finish.get(3)!.resolve('d');
		await tick();
		finish.get(4)!.resolve('e');
		await expect(done).resolves.toEqual(['a', 'b', 'c', 'd', 'e']);
		expect(peak()).toBe(2);
	});

	test('a failed item starts no further item; running ones finish; the lowest failure is thrown', async () => {
		const { started, finish, work } = controlledWork();
		const done = runEachItem(10, { width: 3 }, work);
		await tick();
		expect(started).toEqual([0, 1, 2]);
		finish.get(2)!.reject(new Error('item 2'));
		await tick();
		expect(started).toEqual([0, 1, 2]);
		finish.get(1)!.reject(new Error('item 1'));
		let settled = false;
		void done.catch(() => (settled = true));
		await tick();
		expect(settled).toBe(false);
		finish.get(0)!.resolve('a');
		await expect(done).rejects.toThrow('item 1');
		expect(started).toEqual([0, 1, 2]);
	});

	test('of several failures the lowest item is thrown, whichever failed first', async () => {
		const { finish, work } = controlledWork();
		const done = runEachItem(3, { width: 3 }, work);
		await tick();
		finish.get(1)!.reject(new Error('item 1'));
		await tick();
		finish.get(2)!.reject(new Error('item 2'));
		finish.get(0)!.resolve('a');
		await expect(done).rejects.toThrow('item 1');
	});

	test('a failure while the loop waits for a free slot starts nothing more', async () => {
		const { started, finish, work } = controlledWork();
		const done = runEachItem(5, { width: 1 }, work);
		await tick();
		finish.get(0)!.reject(new Error('item 0'));
		await expect(done).rejects.toThrow('item 0');
		expect(started).toEqual([0]);
	});

	test('a stopped execution starts no further item and ends cancelled once the running ones end', async () => {
		const { started, finish, work } = controlledWork();
		const controller = new AbortController();
		const done = runEachItem(10, { width: 2, signal: controller.signal }, work);
		await tick();
		controller.abort();
		finish.get(0)!.resolve('a');
		finish.get(1)!.resolve('b');
		await expect(done).rejects.toBeInstanceOf(ExecutionCancelledError);
		expect(started).toEqual([0, 1]);
	});

	test("n8n's batching: the items of each batch start together, each later batch after the interval", async () => {
		jest.useFakeTimers();
		try {
			const started: number[] = [];
			const done = runEachItem(
				5,
				{ width: 10, batching: { size: 2, intervalMs: 40 } },
				async (index) => {
					started.push(index);
					return index;
				},
			);
			await jest.advanceTimersByTimeAsync(0);
			expect(started).toEqual([0, 1]);
			await jest.advanceTimersByTimeAsync(39);
			expect(started).toEqual([0, 1]);
			await jest.advanceTimersByTimeAsync(1);
			expect(started).toEqual([0, 1, 2, 3]);
			await jest.advanceTimersByTimeAsync(40);
			await expect(done).resolves.toEqual([0, 1, 2, 3, 4]);
		} finally {
			jest.useRealTimers();
		}
	});

	test('a stop during the wait between batches starts nothing more', async () => {
		const controller = new AbortController();
		const started: number[] = [];
		const done = runEachItem(
			4,
			{ width: 4, batching: { size: 2, intervalMs: 10_000 }, signal: controller.signal },
			async (index) => {
				started.push(index);
				return index;
			},
		);
		await tick();
		controller.abort();
		await expect(done).rejects.toBeInstanceOf(ExecutionCancelledError);
		expect(started).toEqual([0, 1]);
	});

	test('no items: nothing runs', async () => {
		await expect(runEachItem(0, { width: 1 }, async () => 1)).resolves.toEqual([]);
	});
});
