/**
 * Putting a build into place. A full build is a whole new folder, swapped in by two renames. An
 * incremental build is a folder of the files that changed: each replaces its old copy, and the old
 * copies are kept aside until all are in, so that a failure on the way puts every one back.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";

/** Replace `out` by `staging` whole; on failure the last good site stays. */
export function swapIn(staging: string, out: string): void {
  const old = `${out}.old-${process.pid}`;
  rmSync(old, { recursive: true, force: true });
  if (existsSync(out)) renameSync(out, old);
  try {
    renameSync(staging, out);
  } catch (error) {
    if (existsSync(old)) renameSync(old, out); // the last good site goes back
    throw error;
  }
  rmSync(old, { recursive: true, force: true });
}

/**
 * The entries of `staging` to move: files, except that a folder named in `units` (a search bundle)
 * moves whole, since its files only make sense together.
 */
function entriesOf(staging: string, units: ReadonlySet<string>): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const e of readdirSync(join(staging, rel), { withFileTypes: true })) {
      const path = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory() && !units.has(path)) walk(path);
      else out.push(path);
    }
  };
  walk("");
  return out.sort();
}

/**
 * Move every file of `staging` over its place in `out`, and take `removed` (paths in `out`) away.
 * All or nothing: on a failure the files already moved go back and the error is thrown.
 */
export function applyChanges(staging: string, out: string, removed: readonly string[], units: ReadonlySet<string> = new Set()): void {
  const backup = `${out}.backup-${process.pid}`;
  rmSync(backup, { recursive: true, force: true });
  const undo: (() => void)[] = [];
  const move = (from: string, to: string) => {
    mkdirSync(dirname(to), { recursive: true });
    renameSync(from, to);
    undo.push(() => renameSync(to, from));
  };
  try {
    for (const path of removed) if (existsSync(join(out, path))) move(join(out, path), join(backup, path));
    for (const path of entriesOf(staging, units)) {
      if (existsSync(join(out, path))) move(join(out, path), join(backup, path));
      move(join(staging, path), join(out, path));
    }
  } catch (error) {
    for (const step of undo.reverse()) step();
    throw error;
  } finally {
    rmSync(backup, { recursive: true, force: true });
    rmSync(staging, { recursive: true, force: true });
  }
  for (const path of removed) removeEmptyParents(out, path);
}

/** A removed page leaves its folder (articles/<slug>/): take away the folders it leaves empty, up to the site root. */
function removeEmptyParents(out: string, path: string): void {
  for (let dir = dirname(path); dir !== "." && dir !== "/"; dir = dirname(dir)) {
    const abs = join(out, dir);
    if (!existsSync(abs) || readdirSync(abs).length > 0) return;
    rmdirSync(abs);
  }
}
