/**
 * npm start: the built site served with live reload. A change to a record (a .md file in the
 * articles folder) starts a build, which renders only the pages the change affects and re-indexes only their search shards
 * (src/build/site-build.ts); when it is in place, open pages reload. A build that fails leaves the
 * site as it was and says why.
 */
import { watch } from "node:fs";
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
  // The records saved since the last rebuild began, as the watcher saw them; null until a rebuild
  // has read every record with the watcher running (the first), or when a change came without a name.
  let saved: Set<string> | null = null;
  const rebuild = async () => {
    do {
      pending = false;
      const started = Date.now();
      const changedRecords = saved ?? undefined;
      saved = new Set();
      const result = await buildSite({ articlesDir: opts.articlesDir, outDir: opts.outDir, pathPrefix: opts.pathPrefix, changedRecords });
      if (result.ok) {
        console.log(`rebuilt in ${((Date.now() - started) / 1000).toFixed(1)} s: ${result.rendered} pages rendered (${result.mode}), ${result.removed} removed`);
        server.reload({});
      } else {
        saved = null; // a build that failed may have stopped before it read what it was told of
        for (const e of result.errors) console.error(e);
        console.error(`build failed; ${opts.outDir}/ is left as it was`);
      }
    } while (pending);
    building = null;
  };
  let timer: NodeJS.Timeout | null = null;
  // Only the records count: the site folder and its staging folders may sit inside the articles
  // folder, and a build's own writes must not start another.
  const watcher = watch(articlesDir, (_event, name) => {
    if (!name) saved = null; // some change, not known which: the next rebuild looks at every record
    else if (!String(name).endsWith(".md")) return;
    else saved?.add(join(articlesDir, String(name)));
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      if (building) pending = true;
      else building = rebuild();
    }, SETTLE_MS);
  });
  return {
    async close() {
      watcher.close();
      if (timer) clearTimeout(timer);
      await building;
      await server.close();
    },
  };
}
