/**
 * The one first-in first-out queue of the pipeline (articles waiting for a worker, records
 * waiting for the consumer, batch items, channel writes): O(1) push and shift on an array
 * with a moving head, compacted now and then so that a long run does not keep its past.
 */
export class Fifo<T> {
  private items: Array<T | undefined> = [];
  private head = 0;

  get length(): number {
    return this.items.length - this.head;
  }

  push(item: T): void {
    this.items.push(item);
  }

  /** The first item, left in place. */
  peek(): T | undefined {
    return this.head < this.items.length ? this.items[this.head] : undefined;
  }

  shift(): T | undefined {
    if (this.head >= this.items.length) return undefined;
    const item = this.items[this.head];
    this.items[this.head++] = undefined;
    if (this.head === this.items.length) {
      this.items.length = 0;
      this.head = 0;
    } else if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return item;
  }

  /** Takes up to `count` items from the front. */
  take(count: number): T[] {
    const out: T[] = [];
    while (out.length < count && this.length > 0) out.push(this.shift() as T);
    return out;
  }

  /** Removes every item `drop` says so of, keeping the others in order. */
  remove(drop: (item: T) => boolean): void {
    const kept: Array<T | undefined> = [];
    for (let i = this.head; i < this.items.length; i++) {
      const item = this.items[i] as T;
      if (!drop(item)) kept.push(item);
    }
    this.items = kept;
    this.head = 0;
  }

  /** Empties the queue and returns what it held. */
  drain(): T[] {
    const out = this.items.slice(this.head) as T[];
    this.items = [];
    this.head = 0;
    return out;
  }

  [Symbol.iterator](): Iterator<T> {
    return (this.items.slice(this.head) as T[])[Symbol.iterator]();
  }
}
