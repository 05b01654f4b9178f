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
