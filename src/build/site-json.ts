/**
 * The JSON files a build leaves at the site's root for the next one (its manifests). A long-running
 * build (npm start) keeps the text and value of each it last wrote or read, by file name: the next
 * build, finding the same text (the file moved from the staging folder into the site), takes the
 * value as it was instead of parsing it again. At 10,000 articles the three files are 2.5 MB and took
 * 80 ms to parse on every save. The values are shared, so they are never changed once written.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { isWarm } from "./warm.ts";

const last = new Map<string, { text: string; value: unknown }>();

/** `value` as JSON into siteDir/name; `space` as JSON.stringify's. */
export function writeSiteJson(siteDir: string, name: string, value: unknown, space?: number): void {
  const text = JSON.stringify(value, null, space) + "\n";
  writeFileSync(join(siteDir, name), text);
  if (isWarm()) last.set(name, { text, value });
}

/** The value of siteDir/name, or null where there is none or it does not parse. */
export function readSiteJson<T>(siteDir: string | undefined, name: string): T | null {
  const file = siteDir ? join(siteDir, name) : null;
  if (!file || !existsSync(file)) return null;
  const text = readFileSync(file, "utf8");
  const known = last.get(name);
  if (known?.text === text) return known.value as T;
  try {
    const value = JSON.parse(text) as T;
    if (isWarm()) last.set(name, { text, value });
    return value;
  } catch {
    return null;
  }
}
