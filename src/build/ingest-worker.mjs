// Entry of the ingest worker threads: hooks for TypeScript first (a worker thread does not inherit
// its parent's), then the worker itself.
import { register } from "tsx/esm/api";

register();
await import("./ingest-worker.ts");
