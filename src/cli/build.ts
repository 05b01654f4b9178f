/** npm run build [-- --articles DIR --out DIR --path-prefix /sub/ --no-ingest --full] ; npm start = build, then serve with live reload */
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { buildSite } from "../build/site-build.ts";
import { loadSiteData } from "../build/site-data.ts";
import { runIngest } from "./ingest.ts";
import { prepareIngest } from "../build/ingest-cache.ts";
import { readRawFolder } from "../ingest/store.ts";

const { values } = parseArgs({
  options: {
    articles: { type: "string", default: "articles" },
    out: { type: "string", default: "_site" },
    "path-prefix": { type: "string", default: "/" },
    "no-ingest": { type: "boolean", default: false },
    full: { type: "boolean", default: false },
    serve: { type: "boolean", default: false },
    port: { type: "string", default: "8080" },
  },
});

const started = Date.now();
let exitCode = 0;
if (!values["no-ingest"]) {
  const files = readRawFolder(values.articles);
  await prepareIngest(files); // new raw files normalised on every core, into the cache
  exitCode = runIngest({ input: join(values.articles, "raw"), output: values.articles, files, reportFile: join(".cache", "ingest-report.json") });
  if (exitCode !== 0) console.error("ingest refused some raw files (listed above); the others are built");
}
const result = await buildSite({ articlesDir: values.articles, outDir: values.out, pathPrefix: values["path-prefix"], full: values.full });
if (!result.ok) {
  for (const e of result.errors) console.error(e);
  console.error(`build failed; ${values.out}/ is left as it was`);
  process.exit(1);
}
console.log(
  `built ${values.out}/ (${result.mode}): ${result.articles} articles, ${result.pages} pages (${result.rendered} rendered, ${result.removed} removed), ${result.indexed} indexed for search ` +
    `in ${((Date.now() - started) / 1000).toFixed(1)} s`,
);
// The events grouping with the evidence for each, for an editor to check (src/events/).
const { events, eventsReport } = loadSiteData(resolve(values.articles));
mkdirSync(".cache", { recursive: true });
writeFileSync(join(".cache", "events-report.json"), `${JSON.stringify(eventsReport, null, 2)}\n`);
console.log(`${events.length} events of two or more reports; the grouping and its evidence: .cache/events-report.json`);
if (values.serve) {
  const { serve } = await import("../build/serve.ts");
  await serve({ articlesDir: values.articles, outDir: values.out, port: Number(values.port), pathPrefix: values["path-prefix"] });
} else {
  process.exitCode = exitCode;
}
