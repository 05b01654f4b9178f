/**
 * Debian's Chromium driven by playwright-core, for the browser tests. CHROME_PATH names the
 * browser (default /usr/bin/chromium); a missing browser is an error that says where it looked,
 * never a skipped test.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";

export const chromePath = process.env["CHROME_PATH"] || "/usr/bin/chromium";

const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Throws, naming the path, when there is no browser to run the tests in. */
export function requireBrowser(): void {
  if (!existsSync(chromePath)) {
    throw new Error(
      `Chromium not found at ${chromePath}: the browser tests need it. ` +
        `Install it (apt-get install chromium) or set CHROME_PATH to a Chromium or Chrome binary.`,
    );
  }
}

/** A fresh Chromium with its own throwaway profile. */
export async function launchBrowser(): Promise<Browser> {
  requireBrowser();
  const profile = mkdtempSync(join(tmpdir(), "archive-chromium-"));
  const context = await chromium.launchPersistentContext(profile, { executablePath: chromePath, headless: true, args: FLAGS });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Waits until the search page has shown the results of the search it is running. */
export async function searchSettled(page: Page): Promise<void> {
  await page.waitForSelector("[data-search]:not([hidden]) [data-results][aria-busy=false]", { state: "attached" });
}

/** Opens a search page's URL and waits for its results. */
export async function openSearch(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await searchSettled(page);
}
