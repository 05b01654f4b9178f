/** Generated reports as the events see them: enough for the events worker, close enough in time to share events. */
import { generator } from "../../src/bench/generate.ts";
import { ingestArchive } from "../../src/ingest/archive.ts";
import { loadRegistries } from "../../src/registry.ts";
import { eventArticle } from "../../src/build/site-events.ts";
import { nameForms, type EventArticle } from "../../src/events/site.ts";
import type { NameForms } from "../../src/events/name.ts";
import type { Article } from "../../src/record.ts";

/** `count` generated articles (the worker takes 500 and more), ingested, every year in their text made `year` so that many share events. */
export function generatedEventInputs(seed: number, year: string, count = 600): { inputs: EventArticle[]; forms: NameForms } {
  const registries = loadRegistries();
  const gen = generator(registries, seed);
  const files = Array.from({ length: count }, (_, i) => {
    const { name, text } = gen.article(i);
    return { path: `raw/${name}`, bytes: new TextEncoder().encode(text.replace(/\b20(1\d|2[0-5])\b/g, year)) };
  });
  const articles = ingestArchive(files, registries).articles.map((a) => ({ ...a.record, body: a.body, file: `${a.record.slug}.md` }) as Article);
  const registry = Object.fromEntries(registries.sources.map((s) => [s.name, s]));
  const sourceUrls = new Map(articles.map((x) => [x.source, `/sources/${x.source}/`]));
  return { inputs: articles.map((a) => eventArticle(a, sourceUrls, registry)), forms: nameForms(registries.entities) };
}
