/** Runs the real ingest over a temporary raw/ folder and reads back what it wrote and what it refused. */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { runIngest } from "../../src/cli/ingest.ts";
import type { IngestReport } from "../../src/ingest/report.ts";
import { parseRecordFile } from "../../src/record-file.ts";
import { repoRoot } from "../helpers/paths.ts";

export interface RawEntry {
  /** A file name; a Buffer for a name that is not valid UTF-8. */
  name: string | Buffer;
  bytes: Uint8Array;
}

export interface Ingested {
  dir: string;
  exitCode: number;
  report: IngestReport;
  /** Record files by the raw path they came from. */
  records: Map<string, { file: string; text: string; data: Record<string, unknown>; body: string }>;
}

export function rawFolder(entries: RawEntry[]): string {
  const dir = mkdtempSync(join(tmpdir(), "archive-bad-input-"));
  mkdirSync(join(dir, "raw"));
  for (const e of entries) {
    const file = typeof e.name === "string" ? join(dir, "raw", e.name) : Buffer.concat([Buffer.from(join(dir, "raw") + "/"), e.name]);
    writeFileSync(file, e.bytes);
  }
  return dir;
}

export function readRecords(dir: string): Ingested["records"] {
  const records: Ingested["records"] = new Map();
  for (const name of readdirSync(dir).filter((n) => n.endsWith(".md"))) {
    const text = readFileSync(join(dir, name), "utf8");
    try {
      const { data, body } = parseRecordFile(text);
      records.set(String(data["raw"]), { file: name, text, data, body });
    } catch {
      records.set(`unparsable:${name}`, { file: name, text, data: {}, body: "" }); // a record a test broke on purpose
    }
  }
  return records;
}

/** The ingest as the build runs it, in this process. */
export function ingestDir(dir: string): Ingested {
  const reportFile = join(dir, "report.json");
  const exitCode = runIngest({ input: join(dir, "raw"), output: dir, reportFile, quiet: true });
  const report = JSON.parse(readFileSync(reportFile, "utf8")) as IngestReport;
  return { dir, exitCode, report, records: readRecords(dir) };
}

/**
 * A command of package.json as a person runs it, in a child process: its exit code and what it printed.
 * It runs in `cwd`: a temporary folder keeps its .cache/ apart from the repository's, but a build that
 * reaches Eleventy must run in the repository (npm runs scripts there; .eleventy.ts names templates/).
 */
export function runCli(script: "ingest" | "build", args: string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  const tsx = pathToFileURL(join(repoRoot, "node_modules", "tsx", "dist", "loader.mjs")).href;
  const result = spawnSync(process.execPath, ["--import", tsx, join(repoRoot, "src", "cli", `${script}.ts`), ...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, NODE_NO_WARNINGS: "1" },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
