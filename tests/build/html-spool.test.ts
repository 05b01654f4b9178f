/**
 * The bodies' HTML kept on disk through a build (html-spool.ts): what a page reads back is what
 * was rendered, the site data holds places in the spool rather than the HTML, and the spool
 * leaves nothing behind.
 */
import { readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { HtmlSpool } from "../../src/build/html-spool.ts";
import { renderMarkdown } from "../../src/build/render-body.ts";
import { forgetSiteData, prepareSiteData } from "../../src/build/site-data.ts";
import { loadArticles, parseArticle } from "../../src/build/load-records.ts";
import { seedRecordsWithCache } from "../helpers/paths.ts";

const spoolsInTmp = () => readdirSync(tmpdir()).filter((n) => n.startsWith("news-archive-html-"));

describe("the HTML spool", () => {
  it("reads back each body's HTML as written, in any script, and writes a body once", () => {
    const spool = new HtmlSpool();
    const bodies = ["<p>Truss met Lavrov in Moscow.</p>", "<p>Лавров: «переговоры» — 会谈 ✓ 🇬🇧</p>", "", "<p>Kuleba in Kyiv</p>\n".repeat(5000)];
    const refs = bodies.map((html, i) => spool.put(`key-${i}`, html));
    expect(refs.map((r) => spool.read(r))).toEqual(bodies);
    expect(refs[1]![1]).toBe(Buffer.byteLength(bodies[1]!)); // bytes, not characters
    expect(spool.put("key-1", "something else")).toBe(refs[1]); // the same key, the same place
    expect(spool.refOf("key-3")).toBe(refs[3]);
    expect(spool.refOf("key-9")).toBeUndefined();
    spool.remove();
    expect(() => spool.read(refs[0]!)).toThrow(/spool was removed/);
  });

  it("leaves no file behind, even while it is open", () => {
    const before = spoolsInTmp();
    const spool = new HtmlSpool();
    spool.put("k", "<p>x</p>");
    expect(spoolsInTmp()).toEqual(before); // unlinked at once: a killed build leaves nothing either
    spool.remove();
  });
});

describe("the site data of a build", () => {
  let articles: string;
  let restore: () => void;
  beforeEach(() => {
    ({ articles, restore } = seedRecordsWithCache("html-spool-"));
  });
  afterEach(() => {
    forgetSiteData();
    restore();
  });

  it("holds where each article's HTML is, and reads it as remark renders the body, first from nothing and then from the render cache", async () => {
    const bodies = new Map(loadArticles(articles, parseArticle).articles.map((a) => [a.slug, a.body]));
    for (const round of ["empty cache", "full cache"]) {
      forgetSiteData();
      const data = await prepareSiteData(articles);
      expect(data.articles.length, round).toBe(bodies.size);
      for (const a of data.articles) {
        const field = Object.getOwnPropertyDescriptor(a, "html")!;
        expect(field.value, `${round}: ${a.slug} holds its HTML`).toBeUndefined();
        expect(field.get, round).toBeTypeOf("function");
        expect(a.html, `${round}: ${a.slug}`).toBe(renderMarkdown(bodies.get(a.slug)!));
        expect(JSON.parse(JSON.stringify(a)).html, "a render chunk's file has the HTML").toBe(a.html);
      }
    }
  });
});
