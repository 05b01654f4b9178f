/** npm run bench -- --articles N [--seed S] [--keep] [--no-peer] [--no-payload] [--no-edit] */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { runBench } from "../bench/run.ts";
import { formatResult } from "../bench/report.ts";

const { values } = parseArgs({
  options: {
    articles: { type: "string", default: "1000" },
    seed: { type: "string", default: "1" },
    keep: { type: "boolean", default: false },
    "no-peer": { type: "boolean", default: false },
    "no-payload": { type: "boolean", default: false },
    "no-edit": { type: "boolean", default: false },
    out: { type: "string", default: "bench-results" },
  },
});

const articles = Number(values.articles);
if (!Number.isInteger(articles) || articles < 1) {
  console.error(`--articles must be a whole number of articles, got ${values.articles}`);
  process.exit(2);
}
const workDir = mkdtempSync(join(tmpdir(), `bench-${articles}-`));
const started = Date.now();
const log = (line: string) => console.error(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);
try {
  const result = await runBench({
    articles,
    seed: Number(values.seed),
    workDir,
    peer: !values["no-peer"],
    payload: !values["no-payload"],
    edit: !values["no-edit"],
    log,
  });
  console.log(formatResult(result));
  mkdirSync(values.out, { recursive: true });
  const file = resolve(values.out, `bench-${articles}-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
  writeFileSync(file, JSON.stringify(result, null, 2) + "\n");
  console.log(`\nresults: ${file}`);
} finally {
  if (values.keep) console.error(`work folder kept: ${workDir}`);
  else rmSync(workDir, { recursive: true, force: true });
}
