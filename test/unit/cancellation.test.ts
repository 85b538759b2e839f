/* eslint-disable @n8n/community-nodes/no-restricted-globals -- not shipped: n8n Cloud rules apply to nodes/ and credentials/ */
import {
	ExecutionCancelledError,
	sleepUnlessCancelled,
	throwIfCancelled,
} from '../../nodes/MyPit/transport/cancellation';

describe('cancellation', () => {
	test('throwIfCancelled throws only for an aborted signal', () => {
		const controller = new AbortController();
		expect(() => throwIfCancelled(undefined)).not.toThrow();
		expect(() => throwIfCancelled(controller.signal)).not.toThrow();
		controller.abort();
		expect(() => throwIfCancelled(controller.signal)).toThrow(ExecutionCancelledError);
		expect(() => throwIfCancelled(controller.signal)).toThrow('The execution was stopped');
		expect(new ExecutionCancelledError().name).toBe('ExecutionCancelledError');
	});

	test('sleepUnlessCancelled waits the full time without a stop, with or without a signal', async () => {
		for (const signal of [undefined, new AbortController().signal]) {
			const begin = Date.now();
			await sleepUnlessCancelled(30, signal);
			expect(Date.now() - begin).toBeGreaterThanOrEqual(25);
		}
	});

	test('a stop ends the wait at once; an already stopped execution does not wait at all', async () => {
		const controller = new AbortController();
		const begin = Date.now();
		const waiting = sleepUnlessCancelled(10_000, controller.signal);
		setTimeout(() => controller.abort(), 20);
		await expect(waiting).rejects.toBeInstanceOf(ExecutionCancelledError);
		expect(Date.now() - begin).toBeLessThan(1000);
		await expect(sleepUnlessCancelled(10_000, controller.signal)).rejects.toBeInstanceOf(
			ExecutionCancelledError,
		);
	});

	test('the listener is removed after a wait, so signals do not collect them', async () => {
		const controller = new AbortController();
		const remove = jest.spyOn(controller.signal, 'removeEventListener');
		await sleepUnlessCancelled(1, controller.signal);
		expect(remove).toHaveBeenCalledWith('abort', expect.any(Function));
	});
});
