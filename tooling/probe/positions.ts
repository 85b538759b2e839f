import type { ListOrder } from '../../nodes/MyPitTrigger/triggerState';
import type { ListSource } from './listSources';

/** Where the read-only walk left each list: what the MyPit Trigger would have saved. */
export interface ListPosition {
	cursor?: string;
	seen: Set<string>;
	order: ListOrder;
}

export type Positions = Partial<Record<ListSource['subject'], ListPosition>>;
