/**
 * What the next Eleventy run renders, set by the build before it starts Eleventy in this process:
 * the archive in short (for the pages that show the whole archive), the paginated pages to render,
 * and the sitemap. Unset when Eleventy is run by hand over the configuration: then it renders everything.
 *
 * Kept on globalThis, not in this module: Eleventy imports .eleventy.ts through its own loader,
 * and under a test runner that can be another instance of this module than the build's.
 */
import type { ArchiveSummary } from "./archive-summary.ts";
import type { PageSelection, SitemapEntry } from "./render-plan.ts";

export interface RenderInput {
  /** The archive in short; null for a chunk of paginated pages, which renders only those. */
  archive: ArchiveSummary | null;
  pages: PageSelection;
  sitemap: SitemapEntry[];
}

const KEY = Symbol.for("news-archive.render-input");
const slot = globalThis as { [KEY]?: RenderInput | null };

export function setRenderInput(input: RenderInput | null): void {
  slot[KEY] = input;
}

export function renderInput(): RenderInput | null {
  return slot[KEY] ?? null;
}
