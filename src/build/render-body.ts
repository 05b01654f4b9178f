/**
 * Markdown to HTML with remark + remark-html (sanitised): the site's one Markdown engine.
 * A build renders each body once: bodies already rendered by an earlier build come from the
 * cache by content hash, the others are rendered on worker threads (one per core).
 */
import { availableParallelism } from "node:os";
import { remark } from "remark";
import remarkHtml from "remark-html";
import type { Root } from "mdast";
import { CacheAdditions, contentKey, HashCache } from "./cache.ts";
import { isWarm } from "./warm.ts";
import { runOnWorkers } from "./worker-pool.ts";
import type { HtmlSpool, SpoolRef } from "./html-spool.ts";

const processor = remark().use(remarkHtml);

export function renderMarkdown(markdown: string): string {
  return String(processor.processSync(markdown));
}

/**
 * The HTML of a Markdown tree, without the Markdown: renderMarkdown(text) for the text the tree was
 * written as, when reading that text back gives the same tree (readsBackAsWritten). Parsing is
 * nine tenths of rendering a body.
 */
export function renderTree(tree: Root): string {
  return String(processor.stringify(processor.runSync(tree) as Root));
}

/** Changes when the renderer does: then every cached body is rendered again. */
const RENDERER = "remark@15.0.1+remark-html@16.0.1/1";
/** Below this many bodies to render, starting workers costs more than it saves. */
const PARALLEL_FROM = 200;

/** Bodies per message to a worker: the work is shared out as it goes, and no thread holds more than a batch. */
const BATCH = 500;

function renderOnWorkers(bodies: string[], threads: number, done: (i: number, html: string) => void): Promise<void> {
  return runOnWorkers<string, string>(new URL("./render-worker.mjs", import.meta.url), bodies, { threads, batch: BATCH, what: "rendering bodies" }, (html, i) => done(i, html));
}

const CACHE_NAME = `render-${contentKey(RENDERER).slice(0, 12)}`;

function openCache(root?: string | null): HashCache<string> {
  return new HashCache<string>(CACHE_NAME, root);
}

/** Bodies' HTML known before the build renders them (the ingest's, from the trees it wrote the bodies from), into the render cache: saved by save(). */
export function knownBodyHtml(root?: string | null): { add: (body: string, html: string) => void; save: () => void } {
  const additions = new CacheAdditions<string>(CACHE_NAME, root);
  return { add: (body, html) => additions.add(contentKey(body), html), save: () => additions.save() };
}

/** One thread, the same cache: for callers that cannot wait (Eleventy's data in watch mode). */
export function renderBodiesSync(bodies: string[], opts: { cacheRoot?: string | null } = {}): { html: string[]; keys: string[] } {
  const cache = openCache(opts.cacheRoot);
  const keys = bodies.map((body) => contentKey(body));
  const html = bodies.map((body, i) => {
    let out = cache.get(keys[i]!);
    if (out === undefined) cache.set(keys[i]!, (out = renderMarkdown(body)));
    return out;
  });
  cache.save();
  return { html, keys };
}

export interface RenderStats {
  rendered: number;
  cached: number;
}

/** A body's HTML: the text itself, or its place in the build's spool (html-spool.ts). */
export type BodyHtml = string | SpoolRef;

// The last build's bodies and their HTML, in a long-running process (warm.ts): an unchanged body
// is the same string as before, found without hashing it or reading the cache.
let lastBodies = new Map<string, { key: string; html: BodyHtml; spool: HtmlSpool | undefined }>();

/**
 * Render many bodies: cached ones from the cache, the rest in parallel; the cache is saved. With
 * a spool, each body's HTML goes into it as soon as it is known and only its place is returned:
 * the HTML of the whole archive is never in memory at once.
 */
export async function renderBodies(
  bodies: string[],
  opts: { cacheRoot?: string | null; spool?: HtmlSpool } = {},
): Promise<{ html: BodyHtml[]; keys: string[]; stats: RenderStats }> {
  const { spool } = opts;
  const cache = openCache(opts.cacheRoot);
  const known = bodies.map((b) => {
    const remembered = lastBodies.get(b);
    return remembered?.spool === spool ? remembered : undefined;
  });
  const keys = bodies.map((b, i) => known[i]?.key ?? contentKey(b));
  const kept = (key: string, html: string): BodyHtml => (spool ? spool.put(key, html) : html);
  const html = keys.map((k, i): BodyHtml | undefined => {
    const remembered = known[i];
    if (remembered) {
      cache.keepIfRead(k);
      return remembered.html;
    }
    const spooled = spool?.refOf(k);
    if (spooled) {
      cache.keepIfRead(k);
      return spooled;
    }
    const cached = cache.take(k);
    return cached === undefined ? undefined : kept(k, cached);
  });
  const missing = html.flatMap((h, i) => (h === undefined ? [i] : []));
  const todo = missing.map((i) => bodies[i]!);
  const threads = Math.min(availableParallelism(), 8);
  const done = (n: number, out: string) => {
    const i = missing[n]!;
    cache.set(keys[i]!, out);
    html[i] = kept(keys[i]!, out);
  };
  if (todo.length >= PARALLEL_FROM && threads > 1) await renderOnWorkers(todo, threads, done);
  else todo.forEach((body, n) => done(n, renderMarkdown(body)));
  cache.save();
  if (isWarm()) lastBodies = new Map(bodies.map((b, i) => [b, { key: keys[i]!, html: html[i]!, spool }]));
  return { html: html as BodyHtml[], keys, stats: { rendered: missing.length, cached: bodies.length - missing.length } };
}
