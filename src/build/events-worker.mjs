// Entry of the events worker thread (site-events.ts): hooks for TypeScript first (a worker thread
// does not inherit its parent's), then the worker itself.
import { register } from "tsx/esm/api";

register();
await import("./events-worker.ts");
