/**
 * One Pagefind bundle: its command line run over a folder of pages, and what the bundle says of
 * the pages it holds. Pagefind names each page's fragment by a hash of its content (its search
 * results carry the same id), so the id of a page's indexed version is read from the bundle.
 */
import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { arch } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { projectRoot } from "./project-root.ts";

const root = projectRoot;
/** Pagefind's own command-line wrapper: it finds the binary for this platform. */
const PAGEFIND_CLI = join(root, "node_modules/pagefind/lib/runner/bin.cjs");

/**
 * Pagefind's binary for this platform, found as its wrapper finds it (lib/resolveBinary.js, which
 * the package does not export), or null. Run directly it indexes an edit's delta in 40 ms; through
 * the wrapper, a Node process that starts only to start it, in 180 ms.
 */
function pagefindBinary(): string | null {
  const fromPagefind = createRequire(join(root, "node_modules/pagefind/package.json"));
  const platform = process.platform === "win32" ? "windows" : process.platform;
  for (const name of ["pagefind_extended", "pagefind"]) {
    const override = process.env[`${name.toUpperCase()}_BINARY_PATH`];
    if (override) return override;
    try {
      return fromPagefind.resolve(`@pagefind/${platform}-${process.env["npm_config_arch"] ?? arch()}/bin/${name}${platform === "windows" ? ".exe" : ""}`);
    } catch {
      // not installed for this platform: the next name, or the wrapper
    }
  }
  return null;
}

let binary: string | null | undefined;
const pagefindCommand = (): [string, string[]] => {
  binary ??= pagefindBinary();
  return binary ? [binary, []] : [process.execPath, [PAGEFIND_CLI]];
};

/** What Pagefind reads of one page: its searched part in a page of its own. */
export function searchPage(part: string): string {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title></title></head><body>${part}</body></html>\n`;
}

/** One Pagefind run over a folder of pages, into a bundle folder. */
export function runPagefind(site: string, output: string): Promise<void> {
  return new Promise((done, fail) => {
    const [command, args] = pagefindCommand();
    const child = spawn(command, [...args, "--site", site, "--output-path", output, "--quiet"], { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.once("error", fail);
    child.once("exit", (code) => (code === 0 ? done() : fail(new Error(`pagefind could not index ${site} (exit ${code}): ${stderr.trim().slice(-2000)}`))));
  });
}

export type PageFilters = Record<string, string[]>;

interface Fragment {
  url: string;
  filters?: PageFilters;
}

/** Pagefind writes fragments gzipped, their text behind a marker it checks after decompressing. */
const MARKER = "pagefind_dcd";

function readFragment(file: string): Fragment {
  const text = gunzipSync(readFileSync(file)).toString("utf8");
  return JSON.parse(text.startsWith(MARKER) ? text.slice(MARKER.length) : text) as Fragment;
}

/** Per page URL (as the site gives it, without a path prefix), the id of its fragment in the bundle. */
export function fragmentIds(bundleDir: string): Record<string, string> {
  const dir = join(bundleDir, "fragment");
  const ids: Record<string, string> = {};
  if (!existsSync(dir)) return ids;
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith(".pf_fragment")) continue;
    ids[readFragment(join(dir, name)).url] = name.slice(0, -".pf_fragment".length);
  }
  return ids;
}

/** The filters a page was indexed with, from its fragment; none when the fragment is gone. */
export function fragmentFilters(bundleDir: string, id: string): PageFilters {
  const file = join(bundleDir, "fragment", `${id}.pf_fragment`);
  return existsSync(file) ? (readFragment(file).filters ?? {}) : {};
}
