/** npm run ingest [-- --articles DIR | --input DIR --output DIR] [--report FILE] */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { parseArgs } from "node:util";
import { loadRegistries } from "../registry.ts";
import { buildReport, summarise } from "../ingest/report.ts";
import { ignoredRawEntries, ingestFolder, readRawFolder } from "../ingest/store.ts";
import { prepareIngest, type CachedNormaliser } from "../build/ingest-cache.ts";
import { cacheRoot } from "../build/cache.ts";
import { stampIngest } from "../build/ingest-stamp.ts";
import type { RawFile } from "../ingest/archive.ts";

/**
 * Ingest a raw folder into records. `files`: the folder as already read (the CLIs read it once, to
 * normalise new files on every core first). `stamp`: leave the state it wrote for the build, which
 * ingests first, to find nothing to ingest while nothing changes (ingest-stamp.ts).
 */
export function runIngest(opts: { input: string; output: string; reportFile: string | null; quiet?: boolean; files?: RawFile[]; normaliser?: CachedNormaliser; stamp?: boolean }): number {
  const files = opts.files ?? readRawFolder(opts.output, opts.input);
  const run = ingestFolder(files, opts.output, loadRegistries(), opts.normaliser);
  const report = buildReport(run);
  if (opts.reportFile) {
    mkdirSync(dirname(opts.reportFile), { recursive: true });
    writeFileSync(opts.reportFile, JSON.stringify(report, null, 2) + "\n");
  }
  if (!opts.quiet) {
    if (!existsSync(opts.input)) console.error(`no raw folder at ${opts.input}: nothing to ingest (the records in ${opts.output} are kept as they are)`);
    console.log(summarise(report, opts.output, opts.reportFile));
    for (const e of ignoredRawEntries(opts.input)) console.log(`  ignored ${e.path}: ${e.reason}`);
  }
  const exitCode = report.refused.length > 0 ? 1 : 0;
  if (opts.stamp) stampIngest(opts.output, opts.input, exitCode, run.states);
  return exitCode;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      articles: { type: "string", default: "articles" },
      input: { type: "string" },
      output: { type: "string" },
      report: { type: "string" },
    },
  });
  const output = values.output ?? values.articles;
  const input = values.input ?? join(values.articles, "raw");
  const files = readRawFolder(output, input);
  const { normaliser } = await prepareIngest(files); // new raw files normalised on every core, into the cache
  process.exitCode = runIngest({ input, output, files, normaliser, reportFile: values.report ?? join(cacheRoot(), "ingest-report.json"), stamp: true });
}
