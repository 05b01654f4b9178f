// A worker thread of renderBodies (render-body.ts): the same remark + remark-html pipeline over the
// batches of bodies it is sent, one batch at a time. Plain JavaScript, so that it runs under node,
// tsx and vitest alike.
import { parentPort } from "node:worker_threads";
import { remark } from "remark";
import remarkHtml from "remark-html";

const processor = remark().use(remarkHtml);
parentPort.on("message", (bodies) => parentPort.postMessage(bodies.map((markdown) => String(processor.processSync(markdown)))));
