/**
 * An object's JSON text, made once per object. Values a build reads afresh every time (a source's
 * registry entry, the names' spellings) are other objects from build to build: compared by their
 * text, each is stringified once, not at every comparison.
 */
const texts = new WeakMap<object, string>();

export function jsonText(value: object): string {
  let text = texts.get(value);
  if (text === undefined) texts.set(value, (text = JSON.stringify(value)));
  return text;
}
