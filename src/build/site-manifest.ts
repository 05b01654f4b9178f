/**
 * What a built site holds, written at its root by the build that made it: the renderer it was made
 * with, each paginated page with its fingerprint, and the static files copied into it. The next
 * build reads it to render only what changed.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { readSiteJson, writeSiteJson } from "./site-json.ts";

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

/** The manifest of a built site; null where there is none, or it is damaged (the next build renders everything). */
export function readSiteManifest(siteDir: string): SiteManifest | null {
  if (!existsSync(join(siteDir, "index.html"))) return null;
  const m = readSiteJson<Partial<SiteManifest>>(siteDir, SITE_MANIFEST);
  return m && typeof m.renderer === "string" && m.pages && Array.isArray(m.statics) ? (m as SiteManifest) : null;
}

export function writeSiteManifest(siteDir: string, manifest: SiteManifest): void {
  writeSiteJson(siteDir, SITE_MANIFEST, manifest);
}
