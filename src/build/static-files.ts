/**
 * The files a site serves as they are: public/ at the root and the raw scrapes under raw/. A copy
 * keeps its source's modification time, so that a later build knows it unchanged by its size and
 * time without reading it.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, statSync, utimesSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { isWarm } from "./warm.ts";

export interface StaticFile {
  source: string; // absolute
  output: string; // relative to the site folder, "/" separated
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as { name: string; parentPath: string; isFile(): boolean }[])
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

/** The articles' raw files, each with where the site serves it (raw/<path>). */
export function rawFiles(rawDir: string): StaticFile[] {
  return filesUnder(rawDir).map((source) => ({ source, output: `raw/${relative(rawDir, source).split("\\").join("/")}` }));
}

/** public/ to the root, and the articles' raw files (rawFiles) to /raw/, sorted by output path. */
export function staticFiles(publicDir: string, raw: readonly StaticFile[] = []): StaticFile[] {
  const out: StaticFile[] = [];
  for (const source of filesUnder(publicDir)) out.push({ source, output: relative(publicDir, source).split("\\").join("/") });
  out.push(...raw);
  return out.sort((a, b) => (a.output < b.output ? -1 : a.output > b.output ? 1 : 0));
}

/** The source's stamp (size and time) when the copy in siteDir is current, else null; `known` is the stamp it had when last found current. */
function stampIfCurrent(file: StaticFile, siteDir: string, known: string | undefined): string | null {
  const a = statSync(file.source);
  const stamp = `${a.size}:${a.mtimeMs}`;
  if (known === stamp) return stamp;
  const b = statSync(join(siteDir, file.output), { throwIfNoEntry: false });
  // utimes takes the time in seconds as a float: the copy's time can differ from its source's by a fraction of a millisecond.
  return b !== undefined && a.size === b.size && Math.abs(a.mtimeMs - b.mtimeMs) < 1 ? stamp : null;
}

// A long-running build (npm start) remembers, per site folder, the stamp each source had when its
// copy was last found current: a save then checks each source with one stat, not with two and its
// copy's. Only the files of the last build are remembered, so that a source removed (its copy
// removed with it) and put back is copied again.
const confirmed = new Map<string, Map<string, string>>();

/**
 * The files whose copy in siteDir is not the source as it is now. `changedRaw`: the raw files
 * (sources) that may have changed since this process's last check, when a watcher knows them (npm
 * start); the other raw files found current then are not looked at.
 */
export function staleStatics(files: StaticFile[], siteDir: string, changedRaw?: ReadonlySet<string>): StaticFile[] {
  const known = confirmed.get(siteDir);
  const now = new Map<string, string>();
  const stale = files.filter((f) => {
    const last = known?.get(f.output);
    const untouched = changedRaw && last !== undefined && f.output.startsWith("raw/") && !changedRaw.has(f.source);
    const stamp = untouched ? last : stampIfCurrent(f, siteDir, last);
    if (stamp !== null) now.set(f.output, stamp);
    return stamp === null;
  });
  if (isWarm()) confirmed.set(siteDir, now);
  return stale;
}

export function copyStatic(file: StaticFile, siteDir: string): void {
  const dest = join(siteDir, file.output);
  mkdirSync(dirname(dest), { recursive: true });
  copyFileSync(file.source, dest);
  const st = statSync(file.source);
  utimesSync(dest, st.atime, st.mtime);
}
