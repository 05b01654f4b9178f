import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    exclude: ["tests/e2e/**", "node_modules/**"],
    globalSetup: ["tests/helpers/temp-root.ts"],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // Site builds share Eleventy's module state; one test file at a time keeps them apart.
    fileParallelism: false,
  },
});
