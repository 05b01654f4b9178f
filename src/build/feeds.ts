/**
 * The Atom feed and the JSON Feed of the latest articles, made with the `feed` package.
 * No clock is read: the feed's `updated` is the newest article's date, so the same records give
 * the same bytes. Times in the records carry no zone; the feeds read them as UTC.
 */
import { Feed } from "feed";
import type { SiteArticle } from "./site-data.ts";

export interface FeedSite {
  title: string;
  description: string;
}

/** Turns a site path ("/articles/x/") into an absolute URL, path prefix included. */
export type Absolute = (path: string) => string;

export const FEED_PATHS = { atom: "/feed.xml", json: "/feed.json" } as const;

export function articleInstant(a: Pick<SiteArticle, "date" | "time">): Date {
  return new Date(`${a.date}T${a.time ?? "00:00"}:00Z`);
}

/** The feed of the given articles (dated, newest first); undated articles have no place in a feed. */
export function makeFeed(articles: readonly SiteArticle[], site: FeedSite, absolute: Absolute): Feed {
  const dated = articles.filter((a) => a.date !== null);
  const home = absolute("/");
  const feed = new Feed({
    id: home,
    title: site.title,
    description: site.description,
    link: home,
    language: "en",
    updated: dated[0] ? articleInstant(dated[0]) : new Date(0),
    feedLinks: { atom: absolute(FEED_PATHS.atom), json: absolute(FEED_PATHS.json) },
    author: { name: site.title, link: home },
  });
  for (const a of dated) {
    const by = a.author ?? a.agency ?? (a.source !== "Unknown" ? a.source : null);
    feed.addItem({
      id: absolute(a.url),
      link: absolute(a.url),
      title: a.title,
      description: a.summary,
      content: a.html,
      date: articleInstant(a),
      published: articleInstant(a),
      ...(by ? { author: [{ name: by }] } : {}),
      category: [...a.people, ...a.places].map((name) => ({ name, term: name })),
    });
  }
  return feed;
}

export function atomFeed(articles: readonly SiteArticle[], site: FeedSite, absolute: Absolute): string {
  return makeFeed(articles, site, absolute).atom1();
}

export function jsonFeed(articles: readonly SiteArticle[], site: FeedSite, absolute: Absolute): string {
  return makeFeed(articles, site, absolute).json1();
}
