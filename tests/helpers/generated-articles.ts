/** Generated scrapes, ingested, as the build reads their records. */
import { generator } from "../../src/bench/generate.ts";
import { ingestArchive } from "../../src/ingest/archive.ts";
import { loadRegistries, type Registries } from "../../src/registry.ts";
import type { Article } from "../../src/record.ts";

/** `count` generated articles of seed `seed`, each raw text passed through `rewrite` first, ingested. */
export function generatedArticles(seed: number, count: number, rewrite: (text: string) => string = (t) => t, registries: Registries = loadRegistries()): Article[] {
  const gen = generator(registries, seed);
  const files = Array.from({ length: count }, (_, i) => {
    const { name, text } = gen.article(i);
    return { path: `raw/${name}`, bytes: new TextEncoder().encode(rewrite(text)) };
  });
  return ingestArchive(files, registries).articles.map((a) => ({ ...a.record, body: a.body, file: `${a.record.slug}.md` }) as Article);
}
