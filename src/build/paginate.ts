/**
 * Long lists split into pages: /people/liz-truss/, /people/liz-truss/page-2/, ... Every list the
 * site shows grows with the archive (a leader is named in thousands of its articles), and a page,
 * like the data a render process is handed, must stay a size a reader's browser and Node's strings
 * can hold.
 */
export interface Link {
  label: string;
  url: string;
}

export interface PageOf {
  pageNumber: number; // 1-based
  pageCount: number;
  url: string;
  prev: Link | null;
  next: Link | null;
}

/** The URL of page n of a list whose first page is at `base` (which ends in a slash). */
export function pageUrl(base: string, n: number): string {
  return n === 1 ? base : `${base}page-${n}/`;
}

/** `items` in pages of `size`; an empty list is one empty page. */
export function slices<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out.length ? out : [[]];
}

/** "page 2 of 5" for a list of several pages, "" for one. */
export function pageOfLabel(p: { pageNumber: number; pageCount: number }): string {
  return p.pageCount > 1 ? `page ${p.pageNumber} of ${p.pageCount}` : "";
}

/** Link each page to the one before and after it, labelled by `label`. */
export function linkPages<P extends { url: string; prev: Link | null; next: Link | null }>(pages: P[], label: (p: P) => string): P[] {
  pages.forEach((p, i) => {
    const before = pages[i - 1];
    const after = pages[i + 1];
    p.prev = before ? { label: label(before), url: before.url } : null;
    p.next = after ? { label: label(after), url: after.url } : null;
  });
  return pages;
}

/**
 * The `pageCount` pages of one list whose first page is at `base`: page k (0-based) is `page(k)`
 * with its number, URL and links to the pages before and after it.
 */
export function numberedPages<T extends object>(pageCount: number, base: string, page: (k: number) => T, label: (p: T & PageOf) => string = pageOfLabel): (T & PageOf)[] {
  const pages = Array.from({ length: pageCount }, (_, k) => ({ ...page(k), pageNumber: k + 1, pageCount, url: pageUrl(base, k + 1), prev: null, next: null }));
  return linkPages(pages, label);
}
