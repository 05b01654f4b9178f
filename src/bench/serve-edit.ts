/**
 * npm start over a built archive: the time from saving an edited record to the served site
 * showing it, search index included (the server's rebuild has put every changed file in place
 * when it says "rebuilt"). The process is warm, as an editor's is after the first build. Several
 * records are edited one after another in the same session, each a sample: one save on a shared
 * machine says little on its own.
 */
import { spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";

export interface ServeEdit {
  /** From a record's save to the rebuilt site, as the server reports it done: the median of the samples. */
  wallMs: number;
  /** Each edit's time, in the order they were saved. */
  samples: number[];
  /** Whether the served article pages show the new titles afterwards. */
  shown: boolean;
}

const freePort = () =>
  new Promise<number>((done) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });

async function until(check: () => boolean | Promise<boolean>, what: string, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`npm start: ${what} did not happen within ${ms / 1000} s`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const served = async (url: string) => {
  try {
    return await (await fetch(url)).text();
  } catch {
    return null;
  }
};

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** Each of `records` edited in turn (its title made `newTitle` and its number) while one npm start serves the site. */
export async function serveEdit(opts: { root: string; articles: string; site: string; records: string[]; newTitle: string; env: Record<string, string> }): Promise<ServeEdit> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", join(opts.root, "src/cli/build.ts"), "--articles", opts.articles, "--out", opts.site, "--no-ingest", "--serve", "--port", String(port)], {
    cwd: opts.root,
    env: { ...process.env, ...opts.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<void>((done) => child.once("exit", () => done()));
  try {
    const base = `http://127.0.0.1:${port}`;
    await until(async () => child.exitCode === null && (await served(`${base}/`)) !== null, "serving the site", 600_000);
    const samples: number[] = [];
    let shown = true;
    for (const [k, record] of opts.records.entries()) {
      const text = readFileSync(record, "utf8");
      const slug = /^slug: "?([^"\n]+)"?$/m.exec(text)![1]!;
      const title = `${opts.newTitle} ${k + 1}`;
      const before = stdout.length;
      const saved = performance.now();
      writeFileSync(record, text.replace(/^title: .*$/m, `title: ${title}`));
      await until(() => /rebuilt in|build failed/.test(stdout.slice(before)) || child.exitCode !== null, "the rebuild", 600_000);
      samples.push(performance.now() - saved);
      if (!/rebuilt in/.test(stdout.slice(before))) throw new Error(`npm start: the rebuild failed:\n${stderr.slice(-2000)}`);
      const page = (await served(`${base}/articles/${slug}/`)) ?? "";
      shown &&= page.includes(title);
    }
    return { wallMs: median(samples), samples, shown };
  } finally {
    child.kill("SIGTERM");
    await exited;
  }
}
