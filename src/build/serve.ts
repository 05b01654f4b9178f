/** npm start: Eleventy's dev server with live reload over the built site; record edits rebuild pages and the search index. */
import { resolve } from "node:path";
import { forgetSiteData } from "./site-data.ts";
import { writeSearchIndex } from "./search-index.ts";
import { installNunjucksCompileCache } from "./nunjucks-compile-cache.ts";

export async function serve(opts: { articlesDir: string; outDir: string; port: number }): Promise<void> {
  const root = resolve(new URL("../..", import.meta.url).pathname);
  const out = resolve(opts.outDir);
  installNunjucksCompileCache();
  const { Eleventy } = await import("@11ty/eleventy");
  const eleventy = new Eleventy(resolve(root, "templates"), out, {
    configPath: resolve(root, ".eleventy.ts"),
    runMode: "serve",
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Eleventy's config object is untyped
    config(cfg: any) {
      cfg.addWatchTarget(resolve(opts.articlesDir));
      cfg.on("eleventy.before", () => forgetSiteData());
      cfg.on("eleventy.after", async () => {
        await writeSearchIndex(out, { previous: out }); // only the search shards whose pages changed
      });
      cfg.setServerOptions({ port: opts.port });
    },
  });
  await eleventy.init();
  await eleventy.watch();
  await eleventy.serve(opts.port);
}
