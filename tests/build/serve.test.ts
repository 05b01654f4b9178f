/**
 * npm start: the built site served on this machine; an editor's change to a record is on the
 * served page a moment later, and a broken record leaves the served site as it was.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runIngest } from "../../src/cli/ingest.ts";
import { buildSite } from "../../src/build/site-build.ts";
import { serve } from "../../src/build/serve.ts";
import { tempArchive } from "../helpers/paths.ts";

const freePort = () =>
  new Promise<number>((done) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });

async function until(check: () => Promise<boolean>, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error("the served site did not change in time");
    await new Promise((r) => setTimeout(r, 200));
  }
}

let dir: string;
let base: string;
let server: { close(): Promise<void> };
let record: string;

beforeAll(async () => {
  dir = tempArchive();
  expect(runIngest({ input: join(dir, "raw"), output: dir, reportFile: null, quiet: true })).toBe(0);
  expect((await buildSite({ articlesDir: dir, outDir: join(dir, "_site") })).errors).toEqual([]);
  const port = await freePort();
  server = await serve({ articlesDir: dir, outDir: join(dir, "_site"), port });
  base = `http://127.0.0.1:${port}`;
  record = join(dir, "2022-02-09-france-debriefs-us-as-top-uk-diplomat-flies-to-russia-to.md");
}, 120_000);

afterAll(async () => {
  await server?.close();
});

const page = async (path: string) => (await fetch(base + path)).text();

describe("npm start", () => {
  it("serves the built site on 127.0.0.1", async () => {
    expect(await page("/")).toContain("France debriefs US as top UK diplomat");
  });

  it("shows an edited headline on the article and the home page once the edit is saved", async () => {
    const text = readFileSync(record, "utf8");
    writeFileSync(record, text.replace(/^title: .*$/m, "title: Headline edited while the site is served"));
    await until(async () => (await page("/")).includes("Headline edited while the site is served"));
    expect(await page("/articles/2022-02-09-france-debriefs-us-as-top-uk-diplomat-flies-to-russia-to/")).toContain("Headline edited while the site is served");
  }, 90_000);

  it("keeps serving the last good site when a saved record is broken", async () => {
    const text = readFileSync(record, "utf8");
    writeFileSync(record, text.replace(/^date: .*$/m, 'date: "not a date"'));
    await new Promise((r) => setTimeout(r, 3000)); // the rebuild runs and is refused
    expect(await page("/")).toContain("Headline edited while the site is served");
    writeFileSync(record, text);
  }, 90_000);

  it("shows every later save, of another record and of the same one again", async () => {
    const other = join(dir, "2022-02-10-russia-desperately-tries-to-humiliate-truss-with-underhand.md");
    for (const [file, title] of [[other, "A second record saved"], [record, "The first record saved again"]] as const) {
      writeFileSync(file, readFileSync(file, "utf8").replace(/^title: .*$/m, `title: ${title}`));
      await until(async () => (await page("/")).includes(title));
    }
  }, 90_000);

  it("copies a raw file saved while it serves with the next rebuild", async () => {
    const name = readdirSync(join(dir, "raw")).sort()[0]!;
    writeFileSync(join(dir, "raw", name), "The raw text, corrected while the site is served.\n");
    writeFileSync(record, readFileSync(record, "utf8").replace(/^title: .*$/m, "title: Saved after a raw file"));
    await until(async () => (await page("/")).includes("Saved after a raw file"));
    expect(await page(`/raw/${name}`)).toBe("The raw text, corrected while the site is served.\n");
  }, 90_000);
});
