/**
 * In-memory table of records that each belong to one owner.
 *
 * Every record carries a store-wide sequence number (creation order). Per owner the records sit
 * in an array sorted by that number, so a page after a cursor is a binary search plus a slice,
 * and a cursor stays meaningful when records are deleted (it names a position, not an offset).
 */
export interface Entry<T> {
	seq: number;
	owner: string;
	doc: T;
}

interface Slice<T> {
	items: Entry<T>[];
	/** True when records follow the slice. */
	hasMore: boolean;
}

export class OwnedCollection<T extends { _id: string }> {
	private readonly byId = new Map<string, Entry<T>>();
	private readonly byOwner = new Map<string, Entry<T>[]>();

	get size(): number {
		return this.byId.size;
	}

	/** Sequence numbers must grow with every insert (the store guarantees it). */
	insert(owner: string, seq: number, doc: T): Entry<T> {
		const entry: Entry<T> = { seq, owner, doc };
		this.byId.set(doc._id, entry);
		let list = this.byOwner.get(owner);
		if (!list) {
			list = [];
			this.byOwner.set(owner, list);
		}
		list.push(entry);
		return entry;
	}

	get(id: string): Entry<T> | undefined {
		return this.byId.get(id);
	}

	remove(id: string): boolean {
		const entry = this.byId.get(id);
		if (!entry) return false;
		this.byId.delete(id);
		const list = this.byOwner.get(entry.owner);
		if (list) {
			const index = firstAfter(list, entry.seq - 1);
			if (index < list.length && list[index] === entry) list.splice(index, 1);
		}
		return true;
	}

	/** Records of `owner` in creation order. */
	ownedBy(owner: string): readonly Entry<T>[] {
		return this.byOwner.get(owner) ?? [];
	}

	/** Up to `limit` records of `owner` whose sequence number is greater than `afterSeq`. */
	sliceAfter(owner: string, afterSeq: number, limit: number): Slice<T> {
		const list = this.byOwner.get(owner) ?? [];
		const start = firstAfter(list, afterSeq);
		const end = Math.min(list.length, start + limit);
		return { items: list.slice(start, end), hasMore: end < list.length };
	}

	/** Up to `limit` records of `owner` whose sequence number is below `beforeSeq`, newest first. */
	sliceBefore(owner: string, beforeSeq: number, limit: number): Slice<T> {
		const list = this.byOwner.get(owner) ?? [];
		const end = firstAfter(list, beforeSeq - 1);
		const start = Math.max(0, end - limit);
		return { items: list.slice(start, end).reverse(), hasMore: start > 0 };
	}

	clear(): void {
		this.byId.clear();
		this.byOwner.clear();
	}
}

/** Index of the first entry with seq > afterSeq (list sorted by seq). */
function firstAfter<T>(list: readonly Entry<T>[], afterSeq: number): number {
	let lo = 0;
	let hi = list.length;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (list[mid].seq > afterSeq) hi = mid;
		else lo = mid + 1;
	}
	return lo;
}
