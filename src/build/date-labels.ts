/** Dates as the site writes them: "10 February 2022", "February 2022", "Undated". */
import { format, parseISO } from "date-fns";

// An archive of 100,000 articles has a few thousand days: each is formatted once.
const days = new Map<string, string>();

/** A YYYY-MM-DD date as a reader reads it. */
export function dayLabel(iso: string): string {
  let label = days.get(iso);
  if (label === undefined) days.set(iso, (label = format(parseISO(iso), "d MMMM yyyy")));
  return label;
}

/** An article's date, or "Undated" when its text tells none. */
export function dateLabel(iso: string | null): string {
  return iso ? dayLabel(iso) : "Undated";
}

/** A YYYY-MM month. */
export function monthLabel(ym: string): string {
  return format(parseISO(`${ym}-01`), "MMMM yyyy");
}
