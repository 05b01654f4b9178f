/**
 * A process that builds again and again (npm start) keeps what each build worked out for the next:
 * the records it read, the events worker and its analyses. A build that runs once keeps nothing:
 * it would hold all of it to its end for nothing.
 */
let warm = false;

/** Called once by a process that will build again on every saved record. */
export function keepWarm(): void {
  warm = true;
}

export function isWarm(): boolean {
  return warm;
}

/** Values kept in memory from one build to the next by key: those the last build used, and no others. */
export class Remembered<V> {
  private last = new Map<string, V>();
  private next = new Map<string, V>();

  get(key: string): V | undefined {
    const value = this.last.get(key);
    if (value !== undefined) this.next.set(key, value);
    return value;
  }

  set(key: string, value: V): void {
    this.next.set(key, value);
  }

  /** The end of a build: what it did not use is let go. */
  turn(): void {
    this.last = this.next;
    this.next = new Map();
  }
}
