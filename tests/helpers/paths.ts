import { mkdtempSync, readFileSync, readdirSync, cpSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

export const repoRoot = resolve(import.meta.dirname, "../..");
export const rawDir = join(repoRoot, "articles", "raw");

export function seedNames(): string[] {
  return readdirSync(rawDir).filter((n) => n.endsWith(".txt")).sort();
}

export function readSeed(name: string): string {
  return readFileSync(join(rawDir, name), "utf8");
}

/** A temporary articles folder holding copies of the given raw files (default: the five seeds). */
export function tempArchive(names: string[] = seedNames()): string {
  const dir = mkdtempSync(join(tmpdir(), "archive-test-"));
  mkdirSync(join(dir, "raw"));
  for (const n of names) cpSync(join(rawDir, n), join(dir, "raw", n));
  return dir;
}

/**
 * A temporary folder holding copies of the seed records in articles/, with ARCHIVE_CACHE_DIR set
 * to its cache/ until `restore` puts the variable back as it was.
 */
export function seedRecordsWithCache(prefix: string): { work: string; articles: string; restore: () => void } {
  const work = mkdtempSync(join(tmpdir(), prefix));
  const seeds = join(repoRoot, "articles");
  for (const name of readdirSync(seeds).filter((n) => n.endsWith(".md"))) cpSync(join(seeds, name), join(work, "articles", name));
  const restore = keepCacheDir(join(work, "cache"));
  return { work, articles: join(work, "articles"), restore };
}

/** ARCHIVE_CACHE_DIR as it is now, put back by the function returned, for a test that sets it (to `dir`, where given). */
export function keepCacheDir(dir?: string): () => void {
  const before = process.env["ARCHIVE_CACHE_DIR"];
  if (dir !== undefined) process.env["ARCHIVE_CACHE_DIR"] = dir;
  return () => {
    if (before === undefined) delete process.env["ARCHIVE_CACHE_DIR"];
    else process.env["ARCHIVE_CACHE_DIR"] = before;
  };
}
