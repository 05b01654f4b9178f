/**
 * Markdown to HTML with remark + remark-html (sanitised): the site's one Markdown engine.
 * A build renders each body once: bodies already rendered by an earlier build come from the
 * cache by content hash, the others are rendered on worker threads (one per core).
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { remark } from "remark";
import remarkHtml from "remark-html";
import { contentKey, HashCache } from "./cache.ts";

const processor = remark().use(remarkHtml);

export function renderMarkdown(markdown: string): string {
  return String(processor.processSync(markdown));
}

/** Changes when the renderer does: then every cached body is rendered again. */
const RENDERER = "remark@15.0.1+remark-html@16.0.1/1";
/** Below this many bodies to render, starting workers costs more than it saves. */
const PARALLEL_FROM = 200;

function renderOnWorkers(bodies: string[], threads: number): Promise<string[]> {
  const out = new Array<string>(bodies.length);
  const chunk = Math.ceil(bodies.length / threads);
  const jobs = Array.from({ length: threads }, (_, t) => {
    const part = bodies.slice(t * chunk, (t + 1) * chunk);
    return new Promise<void>((resolveJob, reject) => {
      const worker = new Worker(new URL("./render-worker.mjs", import.meta.url), { workerData: part });
      worker.once("message", (html: string[]) => {
        html.forEach((h, i) => (out[t * chunk + i] = h));
        resolveJob();
      });
      worker.once("error", reject);
      worker.once("exit", (code) => code !== 0 && reject(new Error(`render worker exited with ${code}`)));
    });
  });
  return Promise.all(jobs).then(() => out);
}

function openCache(root?: string | null): HashCache<string> {
  return new HashCache<string>(`render-${contentKey(RENDERER).slice(0, 12)}`, root);
}

/** One thread, the same cache: for callers that cannot wait (Eleventy's data in watch mode). */
export function renderBodiesSync(bodies: string[], opts: { cacheRoot?: string | null } = {}): string[] {
  const cache = openCache(opts.cacheRoot);
  const html = bodies.map((body) => {
    const key = contentKey(body);
    let out = cache.get(key);
    if (out === undefined) cache.set(key, (out = renderMarkdown(body)));
    return out;
  });
  cache.save();
  return html;
}

export interface RenderStats {
  rendered: number;
  cached: number;
}

/** Render many bodies: cached ones from the cache, the rest in parallel; the cache is saved. */
export async function renderBodies(bodies: string[], opts: { cacheRoot?: string | null } = {}): Promise<{ html: string[]; stats: RenderStats }> {
  const cache = openCache(opts.cacheRoot);
  const keys = bodies.map((b) => contentKey(b));
  const html = keys.map((k) => cache.take(k));
  const missing = html.flatMap((h, i) => (h === undefined ? [i] : []));
  const todo = missing.map((i) => bodies[i]!);
  const threads = Math.min(availableParallelism(), 8);
  const fresh = todo.length >= PARALLEL_FROM && threads > 1 ? await renderOnWorkers(todo, threads) : todo.map(renderMarkdown);
  missing.forEach((i, n) => {
    html[i] = fresh[n]!;
    cache.set(keys[i]!, fresh[n]!);
  });
  cache.save();
  return { html: html as string[], stats: { rendered: missing.length, cached: bodies.length - missing.length } };
}
