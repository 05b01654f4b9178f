/** A plain, well-formed raw article for the bad-input tests to spoil in one way at a time. */

/** `mark` makes each copy a different text (and a different title), so that copies are not refused as duplicates. */
export function article(mark: string, extra = ""): string {
  return [
    `Ministers meet in Geneva to discuss grain exports ${mark}`,
    "Published: 3 March 2022",
    `GENEVA — Ministers from four countries met on Thursday to discuss the export of grain through the Black Sea ports, the ${mark} round of talks this year.`,
    "The talks lasted more than six hours and ended without a joint statement, officials said.",
    `One delegate said the meeting had been useful but that the hard questions were still open.${extra}`,
    "A further meeting is planned for next month in Istanbul, according to the organisers.",
  ].join("\n");
}
