/** The search index: Pagefind over the built pages, written into the output folder. */
import * as pagefind from "pagefind";

export async function writeSearchIndex(siteDir: string): Promise<{ pages: number }> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`pagefind could not start: ${errors.join("; ")}`);
  const added = await index.addDirectory({ path: siteDir });
  if (added.errors.length) throw new Error(`pagefind could not index ${siteDir}: ${added.errors.join("; ")}`);
  const written = await index.writeFiles({ outputPath: `${siteDir}/pagefind` });
  if (written.errors.length) throw new Error(`pagefind could not write its index: ${written.errors.join("; ")}`);
  await pagefind.close();
  return { pages: added.page_count };
}
