/** A worker thread of prepareIngest (ingest-cache.ts): decode and normalise each job of raw files it is sent. */
import { parentPort } from "node:worker_threads";
import { decodeRaw } from "../ingest/decode.ts";
import { normalise } from "../ingest/normalise.ts";
import type { RawFile } from "../ingest/archive.ts";
import { sha256 } from "../record-file.ts";
import { loadRegistries } from "../registry.ts";

const registries = loadRegistries();
parentPort!.on("message", (files: RawFile[]) =>
  parentPort!.postMessage(
    files.map((file) => {
      const decoded = decodeRaw(file.bytes);
      const hash = sha256(file.bytes);
      try {
        return { path: file.path, hash, result: decoded.ok ? normalise(decoded.text, { path: file.path, sha256: hash }, registries) : null };
      } catch {
        return { path: file.path, hash, result: null }; // the ingest itself refuses the file, with the error
      }
    }),
  ),
);
