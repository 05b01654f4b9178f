/** A worker thread of prepareIngest (ingest-cache.ts): decode and normalise each job of raw files it is sent. */
import { parentPort } from "node:worker_threads";
import { decodeRaw } from "../ingest/decode.ts";
import { normaliseWithTree } from "../ingest/normalise.ts";
import { sha256 } from "../record-file.ts";
import { loadRegistries } from "../registry.ts";
import { bodyHtmlOf, type Normalised, type WorkerFile } from "./ingest-cache.ts";

const registries = loadRegistries();
parentPort!.on("message", (files: WorkerFile[]) =>
  parentPort!.postMessage(
    files.map((file): Normalised => {
      if (file.problem) return { path: file.path, hash: "", result: null, html: null }; // the ingest refuses it, with why
      const decoded = decodeRaw(file.bytes);
      const hash = sha256(file.bytes);
      try {
        if (!decoded.ok) return { path: file.path, hash, result: null, html: null };
        const { result, tree } = normaliseWithTree(decoded.text, { path: file.path, sha256: hash }, registries);
        return { path: file.path, hash, result, html: bodyHtmlOf(tree) };
      } catch {
        return { path: file.path, hash, result: null, html: null }; // the ingest itself refuses the file, with the error
      }
    }),
  ),
);
