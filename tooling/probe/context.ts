import type { IDataObject } from 'n8n-workflow';

import type { RecordKind } from '../../nodes/MyPit/operations/simplify';
import type { MyPitClient } from '../../nodes/MyPit/transport/client';
import type { ProbeAccount } from './account';
import type { Finding } from './findings';
import type { Ledger } from './ledger';
import type { RequestLog } from './requestLog';
import type { Stop } from './stop';
import type { WriteGate } from './writeGate';

/** Every record the probe saw, by kind and ID (the newest version of each), for the field checks. */
export class SeenRecords {
	private readonly byKind: Record<RecordKind, Map<string, IDataObject>> = {
		template: new Map(),
		holder: new Map(),
		badge: new Map(),
	};

	add(kind: RecordKind, ...records: IDataObject[]): void {
		for (const record of records) {
			if (record !== null && typeof record === 'object')
				this.byKind[kind].set(String(record._id ?? this.byKind[kind].size), record);
		}
	}

	all(kind: RecordKind): IDataObject[] {
		return [...this.byKind[kind].values()];
	}
}

/** What every step of one probe run shares. */
export interface ProbeContext {
	client: MyPitClient;
	log: RequestLog;
	writes: WriteGate;
	stop: Stop;
	account: ProbeAccount;
	findings: Finding[];
	seen: SeenRecords;
	ledger: Ledger;
	/** A progress line on the terminal. */
	progress(line: string): void;
}
