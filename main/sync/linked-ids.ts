/**
 * The ids already in a link, on one side, as the plan asks about them: "is this item of the read linked?". A
 * connection can hold 100,000 links while a run reads a few hundred items, and hashing every linked id into one
 * large set was over a quarter of the planner's time (BENCHMARKS.md). So ids the read holds go into a set as small
 * as the read, and the others are only listed, and indexed the first time something asks about an id the read does
 * not hold.
 */

/** A set of linked ids, cheap to fill with every link of a connection; answers exactly as a `Set` of them would. */
export class LinkedIds implements ReadonlySet<string> {
  /** Every id added, in order: the whole set, indexed only when asked beyond the read. */
  private readonly added: string[] = [];
  /** The added ids that `inRead` holds. */
  private readonly readLinked = new Set<string>();
  private index: Set<string> | undefined;

  /** `inRead` says whether this run's read holds an id; it must give the same answer for an id every time. */
  constructor(private readonly inRead: (id: string) => boolean) {}

  /** Adds a linked id. */
  add(id: string): this {
    this.added.push(id);
    this.index?.add(id);
    if (this.inRead(id)) this.readLinked.add(id);
    return this;
  }

  /** True when `id` was added. */
  has(id: string): boolean {
    return this.inRead(id) ? this.readLinked.has(id) : this.all().has(id);
  }

  get size(): number {
    return this.all().size;
  }

  forEach(callback: (value: string, key: string, set: ReadonlySet<string>) => void, thisArg?: unknown): void {
    for (const id of this.all()) callback.call(thisArg, id, id, this);
  }

  entries(): SetIterator<[string, string]> {
    return this.all().entries();
  }

  keys(): SetIterator<string> {
    return this.all().keys();
  }

  values(): SetIterator<string> {
    return this.all().values();
  }

  [Symbol.iterator](): SetIterator<string> {
    return this.all().values();
  }

  private all(): Set<string> {
    this.index ??= new Set(this.added);
    return this.index;
  }
}
