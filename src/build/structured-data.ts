/** schema.org NewsArticle for an article page's JSON-LD: headline, dates, publisher, author or agency. */
import type { SiteArticle } from "./site-data.ts";
import { UNKNOWN_SOURCE } from "./site-data.ts";
import type { Absolute } from "./feeds.ts";

type Thing = Record<string, unknown>;

const organisation = (name: string, url?: string): Thing => ({ "@type": "Organization", name, ...(url ? { url } : {}) });

export function newsArticle(a: SiteArticle, absolute: Absolute, siteName: string): Thing {
  const known = a.source !== UNKNOWN_SOURCE;
  // The publisher is the source when the text tells it; otherwise the wire agency, otherwise this archive.
  const publisher = known
    ? organisation(a.source, a.sourceFacts?.home)
    : a.agency
      ? organisation(a.agency)
      : organisation(siteName, absolute("/"));
  const author = a.author ? { "@type": "Person", name: a.author } : a.agency ? organisation(a.agency) : undefined;
  const url = absolute(a.url);
  return {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: a.title,
    description: a.summary,
    url,
    mainEntityOfPage: url,
    ...(a.date ? { datePublished: a.time ? `${a.date}T${a.time}` : a.date } : {}),
    publisher,
    ...(author ? { author } : {}),
    ...(a.agency && a.author ? { sourceOrganization: organisation(a.agency) } : {}),
    ...(a.people.length ? { mentions: a.people.map((name) => ({ "@type": "Person", name })) } : {}),
    ...(a.places.length ? { contentLocation: a.places.map((name) => ({ "@type": "Place", name })) } : {}),
    ...(a.rawUrl ? { isBasedOn: absolute(a.rawUrl) } : {}),
  };
}
