/**
 * A copy of a string that holds its own characters only. V8 keeps a substring as a view of the
 * string it was cut from: a summary cut from a body kept the whole body in memory after the build
 * had let the record go, in every card and list that shows it (about 4 KB an article), and the
 * search index's parts of the pages kept every page (2.8 GB at 100,000 articles).
 */
export function ownCopy(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}
