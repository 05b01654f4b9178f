/** The project's folder (where package.json, templates/ and public/ are), from wherever the build runs. */
import { dirname, resolve } from "node:path";

export const projectRoot = resolve(dirname(new URL(import.meta.url).pathname), "../..");
