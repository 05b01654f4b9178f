/**
 * Work shared out over worker threads started once: each worker is sent its next batch as soon as
 * it answers one, so a slow batch holds up only its own thread. A worker answers each batch (an
 * array) with an array of as many results, in the same order.
 */
import { Worker } from "node:worker_threads";

export interface PoolOptions {
  threads: number;
  /** Items per message. */
  batch: number;
  /** What the work is, for the message when a worker stops without answering. */
  what: string;
}

/** What a worker is sent for each item, made as its batch is sent (default: the item itself). */
export type Encode<I> = (item: I) => unknown;

/** Run `items` through the worker script `entry`; `take` gets each result with its item's index, as the workers go on. */
export async function runOnWorkers<I, O>(entry: URL, items: readonly I[], opts: PoolOptions, take: (result: O, index: number) => void, encode?: Encode<I>): Promise<void> {
  let next = 0;
  const count = Math.max(1, Math.min(opts.threads, Math.ceil(items.length / opts.batch)));
  const workers = Array.from({ length: count }, () => new Worker(entry));
  const lanes = workers.map(
    (worker) =>
      new Promise<void>((resolve, reject) => {
        let start = 0;
        const send = () => {
          if (next >= items.length) return resolve();
          start = next;
          next = Math.min(items.length, next + opts.batch);
          const batch = items.slice(start, next);
          worker.postMessage(encode ? batch.map(encode) : batch);
        };
        worker.on("message", (results: O[]) => {
          const from = start;
          send();
          try {
            results.forEach((r, i) => take(r, from + i));
          } catch (error) {
            reject(error as Error);
          }
        });
        worker.once("error", reject);
        worker.once("exit", (code) => reject(new Error(`a worker (${opts.what}) stopped (exit ${code}) before it answered`)));
        send();
      }),
  );
  try {
    await Promise.all(lanes);
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
