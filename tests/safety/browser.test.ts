/**
 * The hostile fixture site in Chromium, served with the headers of the site's own _headers file:
 * every page loads with nothing blocked by the Content-Security-Policy and no dialog opened, its
 * DOM holds no script, handler or javascript: URL from article content, and a search shows the
 * hostile text of the results as text.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSite } from "../../src/build/site-build.ts";
import { runIngest } from "../../src/cli/ingest.ts";
import { htmlPages, pathOf } from "../build/built-site.ts";
import { tempArchive } from "../helpers/paths.ts";
import { launchBrowser, type Browser, openSearch } from "../helpers/browser.ts";
import { serveStatic, type StaticServer } from "../helpers/static-server.ts";
import { buildHostileSite, HOSTILE_TEXT, type HostileSite } from "./hostile-site.ts";

/** The headers _headers gives every path ("/*"), in the Netlify / Cloudflare Pages format. */
export function headersFor(file: string): Record<string, string> {
  const headers: Record<string, string> = {};
  let inAll = false;
  for (const line of readFileSync(file, "utf8").split("\n")) {
    if (line.startsWith("#") || line.trim() === "") continue;
    if (!/^\s/.test(line)) {
      inAll = line.trim() === "/*";
      continue;
    }
    const m = /^\s+([\w-]+):\s*(.*)$/.exec(line);
    if (inAll && m) headers[m[1]!.toLowerCase()] = m[2]!;
  }
  return headers;
}

let hostile: HostileSite;
let server: StaticServer;
let browser: Browser;
let page: Page;
let headers: Record<string, string>;
const blocked: string[] = [];
const dialogs: string[] = [];

beforeAll(async () => {
  hostile = await buildHostileSite();
  headers = headersFor(join(hostile.dir, "_headers")); // the copy the build put at the site root, as a host reads it
  server = await serveStatic(hostile.dir, "/", headers);
  browser = await launchBrowser();
  page = await browser.context.newPage();
  page.on("dialog", (d) => {
    dialogs.push(`${page.url()}: ${d.message()}`);
    void d.dismiss();
  });
  page.on("pageerror", (e) => blocked.push(`${page.url()}: ${e.message}`));
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) blocked.push(`${page.url()}: ${m.text()}`);
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => console.error(`Refused to load: ${e.violatedDirective} ${e.blockedURI}`));
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("the _headers file", () => {
  it("sends a Content-Security-Policy without inline scripts, and nosniff", () => {
    const csp = headers["content-security-policy"] ?? "";
    const scriptSrc = /(?:^|;)\s*script-src ([^;]*)/.exec(csp)?.[1] ?? "";
    expect(scriptSrc).toContain("'self'");
    expect(scriptSrc).toContain("'wasm-unsafe-eval'");
    expect(csp).not.toMatch(/'unsafe-inline'|'unsafe-eval'/);
    expect(csp).toMatch(/object-src 'none'/);
    expect(csp).toMatch(/base-uri 'self'/);
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBeTruthy();
  });
});

/** What the DOM holds that could run: scripts not from a file, handlers, javascript: URLs, frames. */
function runnable(p: Page): Promise<string[]> {
  return p.evaluate(() => {
    const found: string[] = [];
    for (const s of document.querySelectorAll("script")) {
      if (!s.src && s.type !== "application/ld+json") found.push(`inline script: ${s.textContent?.slice(0, 60)}`);
    }
    for (const el of document.querySelectorAll("*")) {
      for (const a of el.attributes) {
        if (/^on/i.test(a.name)) found.push(`<${el.localName} ${a.name}>`);
        if (/^\s*(javascript|vbscript):/i.test(a.value)) found.push(`<${el.localName} ${a.name}="${a.value}">`);
      }
    }
    for (const el of document.querySelectorAll("iframe, object, embed, frame")) found.push(`<${el.localName}>`);
    return found;
  });
}

/** Load each built page from the server and list what could run on it, page by page. */
async function runnableOnPages(baseUrl: string, files: string[]): Promise<string[]> {
  const problems: string[] = [];
  for (const file of files) {
    await page.goto(baseUrl + pathOf(file).slice(1), { waitUntil: "load" });
    for (const p of await runnable(page)) problems.push(`${file}: ${p}`);
  }
  return problems;
}

describe("every page in Chromium, under the site's headers", () => {
  it("loads with nothing blocked and nothing runnable from article content", async () => {
    const pages = htmlPages({ dir: hostile.dir, prefix: "/" });
    expect(pages.length).toBeGreaterThan(10);
    expect(await runnableOnPages(server.url, pages)).toEqual([]);
    expect(blocked).toEqual([]);
    expect(dialogs).toEqual([]);
  });

  it("shows the hostile strings of each article as text", async () => {
    let text = "";
    for (const a of hostile.articles) {
      await page.goto(`${server.url}articles/${a.slug}/`);
      text += await page.locator("main").innerText();
      expect(await page.title()).toContain(a.title);
    }
    for (const s of HOSTILE_TEXT) expect(text).toContain(s);
  });
});

describe("the seed archive in Chromium, under the site's headers", () => {
  it("loads every page, event and entity pages included, and finds articles by search, with nothing blocked", async () => {
    const dir = tempArchive();
    expect(runIngest({ input: join(dir, "raw"), output: dir, reportFile: null, quiet: true })).toBe(0);
    expect((await buildSite({ articlesDir: dir, outDir: join(dir, "_site") })).errors).toEqual([]);
    const seeds = await serveStatic(join(dir, "_site"), "/", headersFor(join(dir, "_site", "_headers")));
    try {
      // Every kind of page (its first folder), three of each: the policy applies to kinds, not to records.
      const byKind = new Map<string, string[]>();
      for (const file of htmlPages({ dir: join(dir, "_site"), prefix: "/" })) {
        const kind = file.split("/")[0]!;
        byKind.set(kind, [...(byKind.get(kind) ?? []), file]);
      }
      const pages = [...byKind.values()].flatMap((files) => files.slice(0, 3));
      expect(byKind.size).toBeGreaterThan(8);
      expect(await runnableOnPages(seeds.url, pages)).toEqual([]);
      await openSearch(page, `${seeds.url}search/?q=Lavrov`);
      expect(await page.locator("[data-results] h3 a").count()).toBeGreaterThan(0);
      expect(blocked).toEqual([]);
      expect(dialogs).toEqual([]);
    } finally {
      await seeds.close();
    }
  });
});

describe("the search, under the site's headers", () => {
  async function search(query: string): Promise<void> {
    await openSearch(page, `${server.url}search/?q=${encodeURIComponent(query)}`);
  }

  it("shows hostile text in titles and excerpts as text, and runs none of it", async () => {
    await search("whiteboard");
    const result = page.locator("[data-results] > *").filter({ hasText: "whiteboard" }).first();
    await result.waitFor();
    expect(await result.locator("h3 a").innerText()).toBe("Minister says <script>alert(1)</script> is not a policy");
    expect(await result.innerText()).toContain("<img src=x onerror=alert(1)>");

    await search("phrase");
    const titles = await page.locator("[data-results] h3 a").allInnerTexts();
    expect(titles).toContain(`Talks end as "</script><script>alert(2)</script>" & 'quotes' trend online`);
    const excerpts = (await page.locator("[data-results]").innerText()).replace(/\s+/g, " ");
    expect(excerpts).toContain("<b onmouseover=alert(3)>hover</b>");

    expect(await page.locator("[data-results] script, [data-results] img, [data-results] b, [data-results] iframe").count()).toBe(0);
    expect(await runnable(page)).toEqual([]);
    expect(blocked).toEqual([]);
    expect(dialogs).toEqual([]);
  });
});
