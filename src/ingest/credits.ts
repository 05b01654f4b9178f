/** Photo and image credits and the captions that carry them. A credit names a photographer or agency, never the publisher. */

const LEADING = /^(?:©|\(c\)|copyright\b)\s*(.+)$/i;
const LABELLED = /^(?:image|images|photo|photos|photograph|picture|pictures|pic|credit|photo credit|image credit|source image)s?\s*:\s*(.{2,80})$/i;
const PAREN_END = /\(([^()]{2,60}\/[^()]{1,40})\)\s*$/;
const SLASH_END = /(?:^|[\s.])\/\s*([\p{Lu}][\p{L}\d .&'-]{0,40})\s*$/u;
const DASH_END = /[—–]\s*([\p{Lu}][\p{L} .'-]{1,40}\b(?:Images|Photos|Press|Pictures|Agency|AFP|AP|Reuters|PA))\s*$/u;
const GLUED_AGENCY = /[.!?]([\p{Lu}][\p{L} .'-]{1,40}[—–][\p{L} .'-]{2,30}(?:Images|Photos|Pictures))\s*$/u;
const ALL_CAPS_CREDIT = /^([\p{Lu}][\p{Lu} .'-]+\/[\p{Lu} .'-]+)$/u;
const BRACKET_END = /\[(?:File:\s*)?([^[\]]{2,60}\/[^[\]]{1,40})\]\s*$/;
/** A caption sentence, then a slashed credit: "... June 28, 2019. REUTERS/Kevin Lamarque/File Photo". */
const SENTENCE_THEN_SLASH = /[.!?]\s+([\p{Lu}][^\s/]*(?:\s[^\s/]+){0,3}\/[^.]{2,80})$/u;
/** Link labels a caption carries in a scrape: not part of the credit. */
const LINK_LABELS = /(?:\s*(?:purchase licensing rights|opens new tab|hide caption|toggle caption|,))+\s*$/i;
const SUPPLIED = /(?:^|\.\s*)(supplied by [^;.]{2,40})(?:;.*)?$/i;

export interface CreditLine {
  credit: string;
  /** The line is a caption (words about the picture) as well as a credit. */
  caption: boolean;
}

/** The credit a line carries, when the line is a credit or a caption; null for article text. */
export function readCredit(line: string): CreditLine | null {
  const t = line.trim().replace(/\*{2,}|_{2,}/g, " ").replace(LINK_LABELS, "").trim();
  let m: RegExpExecArray | null;
  if ((m = LEADING.exec(t))) return { credit: (m[1] ?? "").trim(), caption: false };
  if ((m = LABELLED.exec(t))) return { credit: (m[1] ?? "").trim(), caption: false };
  if ((m = ALL_CAPS_CREDIT.exec(t))) return { credit: (m[1] ?? "").trim(), caption: false };
  if ((m = PAREN_END.exec(t))) return { credit: (m[1] ?? "").trim(), caption: true };
  if ((m = BRACKET_END.exec(t))) return { credit: (m[1] ?? "").trim(), caption: true };
  if ((m = SENTENCE_THEN_SLASH.exec(t)) && t.length < 400) return { credit: (m[1] ?? "").trim(), caption: true };
  if ((m = GLUED_AGENCY.exec(t))) return { credit: (m[1] ?? "").trim(), caption: true };
  if ((m = DASH_END.exec(t))) return { credit: (m[1] ?? "").trim(), caption: true };
  if ((m = SUPPLIED.exec(t))) return { credit: (m[1] ?? "").trim(), caption: true };
  if ((m = SLASH_END.exec(t)) && t.length < 300) return { credit: (m[1] ?? "").trim(), caption: true };
  return null;
}
