/** Template filters: one place for what templates compute (dates, URLs, feeds, JSON-LD). */
import { dateLabel, monthLabel } from "./date-labels.ts";
import { nameSlug, type SiteArticle } from "./site-data.ts";
import { atomFeed, jsonFeed, type FeedSite } from "./feeds.ts";
import { newsArticle } from "./structured-data.ts";

export interface SiteInfo extends FeedSite {
  /** The site's origin, e.g. https://example.org; the path prefix is added to it. */
  url: string;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Eleventy's config object is untyped
export function registerFilters(eleventyConfig: any, site: SiteInfo): void {
  eleventyConfig.addFilter("readableDate", dateLabel);
  eleventyConfig.addFilter("monthLabel", monthLabel);
  eleventyConfig.addFilter("nameSlug", (name: string) => nameSlug(name));
  // JSON for a <script type="application/ld+json"> block: "<" escaped so that text can never close the script.
  eleventyConfig.addFilter("jsonScript", (value: unknown) => JSON.stringify(value).replace(/</g, "\\u003c"));

  // Eleventy's own `url` filter adds the path prefix; pages call it ~50 times each. A plain path
  // (segments of letters, digits and - _ ~ ., none of them . or ..) comes out as the prefixed root
  // and the path, which is what the filter's join gives: it tries each as a whole URL first (an
  // exception for every path), and a render chunk links thousands of articles once or twice each.
  // Other paths go to the filter, memoised (per build: this function runs once per configuration).
  // The root is known once the configuration is merged, at the first page.
  // https://www.11ty.dev/docs/filters/url/
  const prefixed = eleventyConfig.getFilter("url") as (url: string, prefixOverride?: string) => string;
  const plain = /^\/(?:[\w~-][\w~.-]*\/?)*$/;
  let rootPath: string | undefined;
  const memo = new Map<string, string>();
  const url = (path: string, prefixOverride?: string): string => {
    if (prefixOverride !== undefined) return prefixed(path, prefixOverride);
    rootPath ??= prefixed("/");
    // The prefix itself is its root, not prefixed again (the filter's own exception).
    if (typeof path === "string" && plain.test(path) && path !== rootPath && `${path}/` !== rootPath) return rootPath + path.slice(1);
    let out = memo.get(path);
    if (out === undefined) memo.set(path, (out = prefixed(path)));
    return out;
  };
  eleventyConfig.addFilter("url", url);

  // Absolute URLs (canonical, Open Graph, feeds, sitemap): the site's origin and the prefixed path,
  // for a plain path without a URL to parse for each of the sitemap's tens of thousands of entries.
  let origin: string | undefined;
  const absoluteUrl = (path: string): string => (plain.test(path) ? (origin ??= new URL(site.url).origin) + url(path) : new URL(url(path), site.url).href);
  eleventyConfig.addFilter("absoluteUrl", absoluteUrl);
  eleventyConfig.addFilter("atomFeed", (articles: SiteArticle[]) => atomFeed(articles, site, absoluteUrl));
  eleventyConfig.addFilter("jsonFeed", (articles: SiteArticle[]) => jsonFeed(articles, site, absoluteUrl));
  eleventyConfig.addFilter("newsArticle", (article: SiteArticle) => newsArticle(article, absoluteUrl, site.title));
}
