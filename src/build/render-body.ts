/**
 * Markdown to HTML with remark + remark-html (sanitised): the site's one Markdown engine.
 * A build renders each body once: bodies already rendered by an earlier build come from the
 * cache by content hash, the others are rendered on worker threads (one per core).
 */
import { availableParallelism } from "node:os";
import { remark } from "remark";
import remarkHtml from "remark-html";
import { contentKey, HashCache } from "./cache.ts";
import { isWarm } from "./warm.ts";
import { runOnWorkers } from "./worker-pool.ts";

const processor = remark().use(remarkHtml);

export function renderMarkdown(markdown: string): string {
  return String(processor.processSync(markdown));
}

/** Changes when the renderer does: then every cached body is rendered again. */
const RENDERER = "remark@15.0.1+remark-html@16.0.1/1";
/** Below this many bodies to render, starting workers costs more than it saves. */
const PARALLEL_FROM = 200;

/** Bodies per message to a worker: the work is shared out as it goes, and no thread holds more than a batch. */
const BATCH = 500;

async function renderOnWorkers(bodies: string[], threads: number): Promise<string[]> {
  const out = new Array<string>(bodies.length);
  await runOnWorkers<string, string>(new URL("./render-worker.mjs", import.meta.url), bodies, { threads, batch: BATCH, what: "rendering bodies" }, (html, i) => (out[i] = html));
  return out;
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

// The last build's bodies and their HTML, in a long-running process (warm.ts): an unchanged body
// is the same string as before, found without hashing it or reading the cache.
let lastBodies = new Map<string, { key: string; html: string }>();

/** Render many bodies: cached ones from the cache, the rest in parallel; the cache is saved. */
export async function renderBodies(bodies: string[], opts: { cacheRoot?: string | null } = {}): Promise<{ html: string[]; stats: RenderStats }> {
  const cache = openCache(opts.cacheRoot);
  const known = bodies.map((b) => lastBodies.get(b));
  const keys = bodies.map((b, i) => known[i]?.key ?? contentKey(b));
  const html = keys.map((k, i) => {
    const remembered = known[i];
    if (!remembered) return cache.take(k);
    cache.keepIfRead(k);
    return remembered.html;
  });
  const missing = html.flatMap((h, i) => (h === undefined ? [i] : []));
  const todo = missing.map((i) => bodies[i]!);
  const threads = Math.min(availableParallelism(), 8);
  const fresh = todo.length >= PARALLEL_FROM && threads > 1 ? await renderOnWorkers(todo, threads) : todo.map(renderMarkdown);
  missing.forEach((i, n) => {
    html[i] = fresh[n]!;
    cache.set(keys[i]!, fresh[n]!);
  });
  cache.save();
  if (isWarm()) lastBodies = new Map(bodies.map((b, i) => [b, { key: keys[i]!, html: html[i]! }]));
  return { html: html as string[], stats: { rendered: missing.length, cached: bodies.length - missing.length } };
}
