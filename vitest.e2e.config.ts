import { defineConfig } from "vitest/config";

// npm run test:e2e: the browser tests (Chromium via playwright-core; CHROME_PATH, default /usr/bin/chromium).
export default defineConfig({
  test: {
    include: ["tests/e2e/**/*.test.ts"],
    globalSetup: ["tests/helpers/temp-root.ts", "tests/e2e/global-setup.ts"],
    testTimeout: 120_000,
    hookTimeout: 240_000,
    // Each file builds a site; Eleventy's module state is shared, so one file at a time.
    fileParallelism: false,
  },
});
