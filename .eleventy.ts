/**
 * Eleventy configuration: a table of contents of the site. The work is in src/build/.
 * Run through the build (`npm run build`), or directly:
 *   tsx node_modules/@11ty/eleventy/cmd.cjs --config=.eleventy.ts
 * ARCHIVE_ARTICLES names the articles folder (default: articles); ARCHIVE_URL the site's origin.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { renderMarkdown } from "./src/build/render-body.ts";
import { loadSiteData } from "./src/build/site-data.ts";
import { renderInput } from "./src/build/render-input.ts";
import { archiveSummary } from "./src/build/archive-summary.ts";
import { COLLECTIONS, SITEMAP_URLS, sitemapEntries, sitemapParts } from "./src/build/render-plan.ts";
import { registerFilters } from "./src/build/filters.ts";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Eleventy ships no types for its config object
export default function (eleventyConfig: any) {
  // Markdown engine: remark + remark-html, the same renderer that renders article bodies.
  // https://www.11ty.dev/docs/languages/markdown/#optional-set-your-own-library-instance
  eleventyConfig.setLibrary("md", { render: (text: string) => renderMarkdown(text) });

  // The archive: every record, checked and rendered once, with its months, days, people, places and
  // sources. The pages that show the whole archive read it in short (`archive`, archive-summary.ts);
  // each kind of paginated page is one template paginated over one array of `pages`: the build puts
  // there only the pages that changed (src/build/render-plan.ts).
  // Run by hand, Eleventy renders every page.
  // https://www.11ty.dev/docs/data-global-custom/ and https://www.11ty.dev/docs/pagination/
  const articlesDir = process.env["ARCHIVE_ARTICLES"] ?? "articles";
  const input = renderInput();
  const data = () => loadSiteData(articlesDir);
  eleventyConfig.addGlobalData("archive", () => (input ? input.archive : archiveSummary(data())) ?? {});
  eleventyConfig.addGlobalData("pages", () => input?.pages ?? Object.fromEntries(COLLECTIONS.map((c) => [c, data()[c]])));
  const sitemap = () => input?.sitemap ?? sitemapEntries(data());
  eleventyConfig.addGlobalData("sitemap", sitemap);
  // Over 50,000 URLs, sitemap.xml is an index of sitemap-1.xml, sitemap-2.xml, ... (ARCHIVE_SITEMAP_URLS sets the limit, for tests).
  eleventyConfig.addGlobalData("sitemapParts", () => sitemapParts(sitemap(), Number(process.env["ARCHIVE_SITEMAP_URLS"] ?? SITEMAP_URLS)));
  // A chunk of paginated pages (src/build/render-pages.ts) renders those and nothing else.
  // https://www.11ty.dev/docs/config-preprocessors/
  if (input && !input.archive) eleventyConfig.addPreprocessor("chunk-only", "njk", (tmpl: { pagination?: unknown }) => (tmpl.pagination ? undefined : false));
  const site = {
    title: process.env["ARCHIVE_TITLE"] ?? "Truss–Lavrov Talks Archive",
    description: "News coverage of the talks between Liz Truss and Sergey Lavrov, December 2021 to February 2022.",
    url: process.env["ARCHIVE_URL"] ?? "https://example.org",
  };
  eleventyConfig.addGlobalData("site", site);

  // Filters used by the templates: dates, absolute URLs, the feeds, JSON-LD.
  // https://www.11ty.dev/docs/filters/
  registerFilters(eleventyConfig, site);

  // Static files: the stylesheet and scripts in public/ as they are, and the raw scrapes under /raw/
  // so that every article links to the text it came from. The build copies them itself, only
  // those that changed (src/build/static-files.ts).
  // https://www.11ty.dev/docs/copy/
  if (!input) {
    eleventyConfig.addPassthroughCopy({ public: "/" });
    const rawDir = join(articlesDir, "raw");
    if (existsSync(rawDir)) eleventyConfig.addPassthroughCopy({ [rawDir]: "raw" });
  }

  // Nunjucks escapes every value unless a template says `| safe`: scraped text is text.
  // https://www.11ty.dev/docs/languages/nunjucks/
  eleventyConfig.setNunjucksEnvironmentOptions({ autoescape: true, throwOnUndefined: false });
  eleventyConfig.setQuietMode(true);

  return {
    dir: { input: "templates", includes: "_includes", layouts: "_layouts", data: "_data" },
    templateFormats: ["njk", "md"],
    // Scraped text may contain {{ or {%: Markdown is never run through a template engine.
    markdownTemplateEngine: false,
    htmlTemplateEngine: "njk",
  };
}
