/** What --write made in the account, so that every record is deleted or named. */
export type MadeKind = 'template' | 'holder' | 'badge';

export interface Made {
	kind: MadeKind;
	name: string;
	id?: string;
	/**
	 * sending: the create is in flight; created; unknown: it may exist (no answer, or an answer
	 * without its ID); deleted; left: stays in the account (why in `note`).
	 */
	state: 'sending' | 'created' | 'unknown' | 'deleted' | 'left';
	note?: string;
}

export class Ledger {
	readonly entries: Made[] = [];

	sending(kind: MadeKind, name: string): Made {
		const made: Made = { kind, name, state: 'sending' };
		this.entries.push(made);
		return made;
	}

	/** A create refused before anything was made: nothing to name. */
	forget(made: Made): void {
		this.entries.splice(this.entries.indexOf(made), 1);
	}

	/** Everything that was not deleted: what the account keeps from this probe. */
	leftBehind(): Made[] {
		return this.entries.filter((made) => made.state !== 'deleted');
	}
}

/** "template probe-20260501-120000 (tmpl_12)" */
export function describeMade(made: Made): string {
	return `${made.kind} ${made.name} (${made.id ?? 'ID unknown'})`;
}
