/**
 * One chunk of a big render (render-pages.ts), in a process of its own:
 * render-chunk.ts <pages.json> <site folder> <path prefix>. Only the paginated pages of the file
 * are rendered; the pages that show the whole archive are the parent's.
 */
import { renderHere } from "./render-pages.ts";
import { readChunkFile } from "./chunk-file.ts";

const [file, dir, pathPrefix] = process.argv.slice(2);
if (!file || !dir || !pathPrefix) {
  console.error("usage: render-chunk.ts <pages.json> <site folder> <path prefix>");
  process.exit(2);
}
const pages = readChunkFile(file);
await renderHere(dir, { archive: null, pages, sitemap: [] }, pathPrefix);
