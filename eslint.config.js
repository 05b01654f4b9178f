import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["node_modules/", "_site/", ".cache/", "bench-results/", "**/*.building-*/", "public/pagefind/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  // Leaving fields out of a copy ({ body, file, ...record }) names them without using them.
  { rules: { "@typescript-eslint/no-unused-vars": ["error", { ignoreRestSiblings: true }] } },
  {
    files: [".ci/**/*.mjs"],
    languageOptions: { globals: { URL: "readonly", console: "readonly", process: "readonly" } },
  },
  {
    files: ["public/**/*.js"],
    languageOptions: { globals: { window: "readonly", document: "readonly", URL: "readonly", URLSearchParams: "readonly", fetch: "readonly", history: "readonly", location: "readonly", console: "readonly", setTimeout: "readonly", clearTimeout: "readonly", PagefindUI: "readonly", CSS: "readonly" } },
  },
);
