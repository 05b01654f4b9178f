/** Record slugs: the date and a few words of the title, unique in the archive. */
import slugify from "@sindresorhus/slugify";

const MAX_TITLE_CHARS = 60;

export function makeSlug(date: string | null, title: string): string {
  let words = slugify(title.replace(/…$/, ""), { decamelize: false });
  if (words.length > MAX_TITLE_CHARS) words = words.slice(0, MAX_TITLE_CHARS).replace(/-[^-]*$/, "");
  return [date ?? "undated", words || "article"].join("-");
}

/**
 * Give each wanted slug a unique one, in the order given: later claimants get -2, -3, ...
 * `ownerOf` names the raw file that already holds a slug on disk; only that raw file may reuse it.
 */
export function uniqueSlugs(wanted: string[], owners: string[] = [], ownerOf: (slug: string) => string | undefined = () => undefined): string[] {
  const used = new Set<string>();
  const taken = (slug: string, i: number) => {
    const owner = ownerOf(slug);
    return used.has(slug) || (owner !== undefined && owner !== owners[i]);
  };
  return wanted.map((slug, i) => {
    let candidate = slug;
    for (let n = 2; taken(candidate, i); n++) candidate = `${slug}-${n}`;
    used.add(candidate);
    return candidate;
  });
}
