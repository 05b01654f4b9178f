/**
 * The chunks of a big render (render-pages.ts) that one lane renders, one after another, in a
 * process of its own: render-chunk.ts <site folder> <path prefix> <pages.json>... Only the
 * paginated pages of the files are rendered; the pages that show the whole archive are the
 * parent's. A new Eleventy for each chunk, so that one chunk's pages are let go before the next's
 * are read; one process for them all, so that its modules load once (a process's start is about 1.8 s
 * wall and 2.7 s CPU).
 */
import { renderHere } from "./render-pages.ts";
import { readChunkFile } from "./chunk-file.ts";

const [dir, pathPrefix, ...files] = process.argv.slice(2);
if (!dir || !pathPrefix || files.length === 0) {
  console.error("usage: render-chunk.ts <site folder> <path prefix> <pages.json>...");
  process.exit(2);
}
for (const file of files) {
  await renderHere(dir, { archive: null, pages: readChunkFile(file), sitemap: [] }, pathPrefix);
  // The chunk's pages and its Eleventy are garbage now: collected before the next chunk is read,
  // this process peaks at about one chunk's size, not two.
  (globalThis as { gc?: () => void }).gc?.();
}
