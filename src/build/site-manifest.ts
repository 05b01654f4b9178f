/**
 * What a built site holds, written at its root by the build that made it: the renderer it was made
 * with, each paginated page with its fingerprint, and the static files copied into it. The next
 * build reads it to render only what changed.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export const SITE_MANIFEST = "build-manifest.json";

export interface SiteManifest {
  renderer: string;
  /** Output path (relative to the site folder) to fingerprint, for every paginated page. */
  pages: Record<string, string>;
  /** Output paths of the static files (public/, raw/). */
  statics: string[];
  /** Per article URL, the digest of what search reads of its page: pages not rendered again keep theirs. */
  indexed?: Record<string, string>;
}

export function readSiteManifest(siteDir: string): SiteManifest | null {
  const file = join(siteDir, SITE_MANIFEST);
  if (!existsSync(file) || !existsSync(join(siteDir, "index.html"))) return null;
  try {
    const m = JSON.parse(readFileSync(file, "utf8")) as Partial<SiteManifest>;
    return typeof m.renderer === "string" && m.pages && Array.isArray(m.statics) ? (m as SiteManifest) : null;
  } catch {
    return null; // a damaged manifest: the next build renders everything
  }
}

export function writeSiteManifest(siteDir: string, manifest: SiteManifest): void {
  writeFileSync(join(siteDir, SITE_MANIFEST), JSON.stringify(manifest) + "\n");
}
