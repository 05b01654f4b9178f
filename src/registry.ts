/** The editable registries (src/registry/*.yaml): their types, and reading them from disk. */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { load } from "js-yaml";

export interface SourceEntry {
  name: string;
  kind: "publisher" | "agency";
  aliases?: string[];
  signatures?: string[];
  home?: string;
  country?: string;
  ownership?: string;
  ownership_source?: string;
}

export interface EntityEntry {
  name: string;
  variants?: string[];
  short?: string[];
  /** People only: the pronoun the text uses for them, so that "she said" can find its speaker. */
  pronoun?: "he" | "she";
}

export interface EntityRegistry {
  people: EntityEntry[];
  places: EntityEntry[];
  organisations: EntityEntry[];
}

export interface Registries {
  sources: SourceEntry[];
  entities: EntityRegistry;
}

const registryDir = fileURLToPath(new URL("./registry/", import.meta.url));

function readYaml(file: string): unknown {
  return load(readFileSync(registryDir + file, "utf8"));
}

export function loadRegistries(): Registries {
  const sources = readYaml("sources.yaml") as SourceEntry[];
  const entities = readYaml("entities.yaml") as Partial<EntityRegistry>;
  return {
    sources,
    entities: { people: entities.people ?? [], places: entities.places ?? [], organisations: entities.organisations ?? [] },
  };
}
