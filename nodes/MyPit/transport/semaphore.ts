/** Releases a permit; calling it again does nothing. */
export type Release = () => void;

/**
 * At most `size` holders at once; the others wait in arrival order (first come, first served, so
 * the items of a run start in their own order). Holding is cheap: no timers, no polling.
 */
export class Semaphore {
	private held = 0;
	private readonly waiting: Array<(release: Release) => void> = [];

	constructor(readonly size: number) {
		if (!Number.isInteger(size) || size < 1)
			throw new RangeError(`A semaphore needs a size of 1 or more, got ${size}`);
	}

	async acquire(): Promise<Release> {
		if (this.held < this.size) {
			this.held += 1;
			return this.releaser();
		}
		return await new Promise<Release>((resolve) => this.waiting.push(resolve));
	}

	private releaser(): Release {
		let released = false;
		return () => {
			if (released) return;
			released = true;
			// The permit passes straight to the next in line, so `held` stays as it is.
			const next = this.waiting.shift();
			if (next) next(this.releaser());
			else this.held -= 1;
		};
	}
}
