/** Template filters: one place for what templates compute. */
import { format, parseISO } from "date-fns";
import { nameSlug } from "./site-data.ts";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Eleventy's config object is untyped
export function registerFilters(eleventyConfig: any): void {
  eleventyConfig.addFilter("readableDate", (iso: string | null) => (iso ? format(parseISO(iso), "d MMMM yyyy") : "Undated"));
  eleventyConfig.addFilter("monthLabel", (ym: string) => format(parseISO(`${ym}-01`), "MMMM yyyy"));
  eleventyConfig.addFilter("nameSlug", (name: string) => nameSlug(name));
  // JSON for a <script type="application/ld+json"> block: "<" escaped so that text can never close the script.
  eleventyConfig.addFilter("jsonScript", (value: unknown) => JSON.stringify(value).replace(/</g, "\\u003c"));
}
