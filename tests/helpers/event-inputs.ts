/** Generated reports as the events see them: enough for the events worker, close enough in time to share events. */
import { loadRegistries } from "../../src/registry.ts";
import { eventArticle } from "../../src/build/site-events.ts";
import { nameForms, type EventArticle } from "../../src/events/site.ts";
import type { NameForms } from "../../src/events/name.ts";
import { generatedArticles } from "./generated-articles.ts";

/** `count` generated articles (the worker takes 500 and more), ingested, every year in their text made `year` so that many share events. */
export function generatedEventInputs(seed: number, year: string, count = 600): { inputs: EventArticle[]; forms: NameForms } {
  const registries = loadRegistries();
  const articles = generatedArticles(seed, count, (text) => text.replace(/\b20(1\d|2[0-5])\b/g, year), registries);
  const registry = Object.fromEntries(registries.sources.map((s) => [s.name, s]));
  const sourceUrls = new Map(articles.map((x) => [x.source, `/sources/${x.source}/`]));
  return { inputs: articles.map((a) => eventArticle(a, sourceUrls, registry)), forms: nameForms(registries.entities) };
}
