/**
 * The search payload: the bytes a browser fetches to answer one query and show the first page of
 * results. The built site is served on 127.0.0.1 by a server that counts what it sends; Chromium
 * (driven by playwright-core) loads Pagefind, merges every index the site lists, searches and loads
 * the first page of results, in a fresh profile each time so nothing comes from its cache.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { gzipSync } from "node:zlib";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { extname, join, normalize } from "node:path";
import { chromium } from "playwright-core";

export const chromePath = process.env["CHROME_PATH"] || "/usr/bin/chromium";
const FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
const RESULTS_SHOWN = 10;
const HARNESS = "/__bench-search.html";

const TYPES: Record<string, string> = { ".html": "text/html", ".js": "text/javascript", ".json": "application/json", ".css": "text/css" };

function harness(query: string): string {
  return `<!doctype html><meta charset="utf-8"><script type="module">
const manifest = await fetch("/search-indexes.json").then((r) => (r.ok ? r.json() : { searchable: ["pagefind"] }));
const pagefind = await import("/" + manifest.searchable[0] + "/pagefind.js");
await pagefind.options({});
for (const bundle of manifest.searchable.slice(1)) await pagefind.mergeIndex("/" + bundle + "/");
const search = await pagefind.search(${JSON.stringify(query)});
const shown = await Promise.all(search.results.slice(0, ${RESULTS_SHOWN}).map((r) => r.data()));
window.benchDone = { results: search.results.length, shown: shown.length };
</script>`;
}

interface Counting {
  server: Server;
  port: number;
  bytes: () => number;
  requests: () => number;
  reset: () => void;
  byKind: () => Record<string, number>;
  setQuery: (q: string) => void;
}

async function serveCounting(root: string): Promise<Counting> {
  let bytes = 0;
  let requests = 0;
  let byKind: Record<string, number> = {};
  let query = "";
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    if (path === HARNESS) {
      res.writeHead(200, { "content-type": "text/html" }).end(harness(query));
      return;
    }
    const file = normalize(join(root, path));
    if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    // Text is sent gzipped, as any static host does; Pagefind's own files are gzipped already.
    const type = TYPES[extname(file)];
    const body = type ? gzipSync(readFileSync(file)) : readFileSync(file);
    bytes += body.length;
    requests++;
    const kind = kindOf(path);
    byKind[kind] = (byKind[kind] ?? 0) + body.length;
    res.writeHead(200, { "content-type": type ?? "application/octet-stream", "content-length": body.length, ...(type ? { "content-encoding": "gzip" } : {}) });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    server,
    port: (server.address() as AddressInfo).port,
    bytes: () => bytes,
    requests: () => requests,
    reset: () => ((bytes = 0), (requests = 0), (byKind = {})),
    byKind: () => ({ ...byKind }),
    setQuery: (q) => (query = q),
  };
}

export interface Payload {
  query: string;
  bytes: number;
  requests: number;
  results: number;
  /** Bytes by kind of file: script, wasm, meta, index, filter, fragment, manifest. */
  byKind: Record<string, number>;
}

function kindOf(path: string): string {
  if (path.endsWith(".js")) return "script";
  if (path.endsWith(".pagefind")) return "wasm";
  if (path.endsWith(".pf_meta")) return "meta";
  if (path.endsWith(".pf_index")) return "index";
  if (path.endsWith(".pf_filter")) return "filter";
  if (path.endsWith(".pf_fragment")) return "fragment";
  return "manifest";
}

/** Bytes fetched per query (Pagefind's files are already compressed; counted as served). */
export async function searchPayloads(siteDir: string, queries: string[]): Promise<Payload[] | null> {
  if (!existsSync(chromePath)) return null;
  const counting = await serveCounting(normalize(siteDir));
  const out: Payload[] = [];
  try {
    for (const query of queries) {
      const profile = mkdtempSync(join(tmpdir(), "bench-chromium-"));
      const context = await chromium.launchPersistentContext(profile, { executablePath: chromePath, headless: true, args: FLAGS });
      try {
        const page = await context.newPage();
        counting.setQuery(query);
        counting.reset();
        await page.goto(`http://127.0.0.1:${counting.port}${HARNESS}`);
        const done = (await (await page.waitForFunction(() => (window as unknown as { benchDone?: unknown }).benchDone, null, { timeout: 120_000 })).jsonValue()) as { results: number };
        out.push({ query, bytes: counting.bytes(), requests: counting.requests(), results: done.results, byKind: counting.byKind() });
      } finally {
        await context.close();
        rmSync(profile, { recursive: true, force: true });
      }
    }
  } finally {
    counting.server.close();
  }
  return out;
}
