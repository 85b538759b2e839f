/**
 * Everything one running sandbox holds: data, runtime configuration, fault queue and request log.
 * Shared by the API routes, the in-process control and the HTTP control surface.
 */
import { FaultQueue } from './faults';
import { LoadMeter } from './load';
import { OffDocumentRegistry } from './offDocument';
import { defaultListShape, type ListShape } from './listShape';
import type { PaginationSettings } from './pagination';
import { type Readings, ReadingsRegistry } from './readings';
import { RequestLog } from './requestLog';
import { Store } from './store';
import type { Account, SandboxConfig } from './types';

export const DEMO_ACCOUNT: Readonly<Account> = Object.freeze({
	clientId: 'demo-client-id',
	secretKey: 'demo-secret-key',
	userId: 'demo-user',
	issuerDid: 'did:mypit:demo-issuer',
});

export const DEFAULT_PAGE_CAP = 1000;

/** First sequence number of the fresh cursors of the 'empty-pages' and 'scattered-empty-pages' modes. */
const FRESH_CURSOR_BASE = 1_000_000_000_000;

export class SandboxState {
	readonly store = new Store();
	readonly faults = new FaultQueue();
	readonly log = new RequestLog();
	readonly load = new LoadMeter();
	config: SandboxConfig;
	readonly readings: ReadingsRegistry;
	/** Answers outside the API document (offDocument.ts); documented unless switched. */
	readonly offDocument = new OffDocumentRegistry();
	listShape: ListShape = defaultListShape();
	private freshSeq = FRESH_CURSOR_BASE;
	/** 'scattered-empty-pages': fresh cursor sequence → the real position it stands for. */
	private readonly detours = new Map<number, number>();

	constructor(
		private readonly initialPageCap: number,
		private readonly seedDemo: boolean,
		initialReadings: Partial<Readings> = {},
	) {
		this.readings = new ReadingsRegistry(initialReadings);
		this.config = this.initialConfig();
		if (seedDemo) this.store.addAccount({ ...DEMO_ACCOUNT });
	}

	pagination(): PaginationSettings {
		return {
			pageCap: this.config.pageCap,
			behaviour: this.config.paginationBehaviour,
			listShape: this.listShape,
			nextFreshSeq: () => {
				this.freshSeq += 1;
				return this.freshSeq;
			},
			detourTo: (position) => {
				this.freshSeq += 1;
				this.detours.set(this.freshSeq, position);
				return this.freshSeq;
			},
			detourTarget: (seq) => this.detours.get(seq),
		};
	}

	/** Back to a fresh start: no data, faults, log or behaviours; the demo account again. */
	reset(): void {
		this.store.clear();
		this.faults.clear();
		this.log.reset();
		this.load.reset();
		this.config = this.initialConfig();
		this.listShape = defaultListShape();
		this.freshSeq = FRESH_CURSOR_BASE;
		this.readings.reset();
		this.offDocument.reset();
		this.detours.clear();
		if (this.seedDemo) this.store.addAccount({ ...DEMO_ACCOUNT });
	}

	private initialConfig(): SandboxConfig {
		return { pageCap: this.initialPageCap, paginationBehaviour: 'normal', cursorRule: 'optional' };
	}
}
