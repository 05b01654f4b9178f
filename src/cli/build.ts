/** npm run build [-- --articles DIR --out DIR --path-prefix /sub/ --no-ingest --full] ; npm start = build, then serve with live reload */
import { join, relative } from "node:path";
import { parseArgs } from "node:util";
import { buildSite } from "../build/site-build.ts";
import { runIngest } from "./ingest.ts";
import { prepareIngest } from "../build/ingest-cache.ts";
import { readRawFolder } from "../ingest/store.ts";
import { cacheRoot } from "../build/cache.ts";
import { ingestUnneeded } from "../build/ingest-stamp.ts";
import { keepWarm } from "../build/warm.ts";

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

if (values.serve) keepWarm(); // npm start builds again on every save: from the first build on, each keeps what the last worked out
const started = Date.now();
let exitCode = 0;
const rawDir = join(values.articles, "raw");
const unneeded = values["no-ingest"] ? null : ingestUnneeded(values.articles, rawDir);
if (unneeded !== null) {
  exitCode = unneeded;
  console.log(`ingest: ${rawDir}/ and the records are as the last ingest left them (edits aside): nothing to ingest${exitCode ? "; it refused some raw files, listed in its report" : ""}`);
} else if (!values["no-ingest"]) {
  const files = readRawFolder(values.articles);
  const { normaliser } = await prepareIngest(files); // new raw files normalised on every core, into the cache
  exitCode = runIngest({ input: rawDir, output: values.articles, files, normaliser, reportFile: join(cacheRoot(), "ingest-report.json"), stamp: true });
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
const shown = relative(process.cwd(), result.eventsReport!);
console.log(`${result.events} events of two or more reports; the grouping and its evidence: ${shown.startsWith("..") ? result.eventsReport : shown}`);
if (values.serve) {
  const { serve } = await import("../build/serve.ts");
  await serve({ articlesDir: values.articles, outDir: values.out, port: Number(values.port), pathPrefix: values["path-prefix"] });
} else {
  process.exitCode = exitCode;
}
