/**
 * npm start: the built site served with live reload. A change to a record (a .md file in the
 * articles folder) starts a build, which renders only the pages the change affects and re-indexes only their search shards
 * (src/build/site-build.ts); when it is in place, open pages reload. A build that fails leaves the
 * site as it was and says why.
 */
import { existsSync, watch } from "node:fs";
import { join, resolve } from "node:path";
import { buildSite } from "./site-build.ts";
import { keepWarm } from "./warm.ts";

export interface ServeOptions {
  articlesDir: string;
  outDir: string;
  port: number;
  pathPrefix?: string;
  /** The interface to listen on; default 127.0.0.1, this machine only. */
  host?: string;
}

/**
 * Changes closer together than this are one rebuild: an editor's save writes more than once (a
 * temporary file, a rename), within a few milliseconds. A change that comes later, during the
 * rebuild, starts another when it ends, so a short wait loses nothing.
 */
const SETTLE_MS = 50;

export async function serve(opts: ServeOptions): Promise<{ close(): Promise<void> }> {
  keepWarm(); // each rebuild keeps what the last one worked out (records, events)
  const { default: DevServer } = await import("@11ty/eleventy-dev-server");
  const host = opts.host ?? "127.0.0.1";
  // The dev server (2.1.2) listens on every interface and has no option for it: its listen step is
  // the one place to say where. A preview of unpublished edits stays on this machine unless asked.
  class LocalServer extends DevServer {
    _serverListen(port: number): void {
      (this as unknown as { server: { listen(o: object): void } }).server.listen({ port, host });
    }
  }
  const server = new LocalServer("news-archive", resolve(opts.outDir), { port: opts.port, pathPrefix: opts.pathPrefix ?? "/", domDiff: false });
  server.serve(opts.port);
  await server.ready();

  const articlesDir = resolve(opts.articlesDir);
  let building: Promise<void> | null = null;
  let pending = false;
  // The records, and raw files, saved since the last rebuild began, as the watchers saw them; null
  // until a rebuild has looked at every one with the watchers running (the first), when a change
  // came without a name, and for raw files when there was no raw folder to watch.
  let saved: Set<string> | null = null;
  let savedRaw: Set<string> | null = null;
  const rawDir = join(articlesDir, "raw");
  const watchingRaw = existsSync(rawDir);
  const rebuild = async () => {
    do {
      pending = false;
      const started = Date.now();
      const changedRecords = saved ?? undefined;
      const changedRaw = savedRaw ?? undefined;
      saved = new Set();
      savedRaw = watchingRaw ? new Set() : null;
      const result = await buildSite({ articlesDir: opts.articlesDir, outDir: opts.outDir, pathPrefix: opts.pathPrefix, changedRecords, changedRaw });
      if (result.ok) {
        console.log(`rebuilt in ${((Date.now() - started) / 1000).toFixed(1)} s: ${result.rendered} pages rendered (${result.mode}), ${result.removed} removed`);
        server.reload({});
      } else {
        saved = savedRaw = null; // a build that failed may have stopped before it read what it was told of
        for (const e of result.errors) console.error(e);
        console.error(`build failed; ${opts.outDir}/ is left as it was`);
      }
    } while (pending);
    building = null;
  };
  let timer: NodeJS.Timeout | null = null;
  const settle = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      if (building) pending = true;
      else building = rebuild();
    }, SETTLE_MS);
  };
  // Only the records start a rebuild: the site folder and its staging folders may sit inside the
  // articles folder (so it is not watched below), and a build's own writes must not start another.
  const watcher = watch(articlesDir, (_event, name) => {
    if (!name) saved = null; // some change, not known which: the next rebuild looks at every record
    else if (!String(name).endsWith(".md")) return;
    else saved?.add(join(articlesDir, String(name)));
    settle();
  });
  // A raw file saved is copied by the next rebuild.
  const rawWatcher = watchingRaw
    ? watch(rawDir, { recursive: true }, (_event, name) => {
        if (!name) savedRaw = null;
        else savedRaw?.add(join(rawDir, String(name)));
      })
    : null;
  return {
    async close() {
      watcher.close();
      rawWatcher?.close();
      if (timer) clearTimeout(timer);
      await building;
      await server.close();
    },
  };
}
