// A worker thread of renderBodies (render-body.ts): the same remark + remark-html pipeline over a
// share of the bodies. Plain JavaScript, so that it runs under node, tsx and vitest alike.
import { parentPort, workerData } from "node:worker_threads";
import { remark } from "remark";
import remarkHtml from "remark-html";

const processor = remark().use(remarkHtml);
parentPort.postMessage(workerData.map((markdown) => String(processor.processSync(markdown))));
