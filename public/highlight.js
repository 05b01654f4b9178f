/**
 * On an article opened from a search result (?highlight=word&highlight=other), marks the searched
 * words in the article text with Pagefind's highlighter (https://pagefind.app/docs/highlighting/)
 * and brings the first one into view. Pagefind's own inline <style> is turned off (the site's
 * Content-Security-Policy allows no inline styles); style.css styles mark.pagefind-highlight.
 */
const HIGHLIGHT_PARAM = "highlight"; // the same name search.js gives Pagefind

if (new URLSearchParams(location.search).has(HIGHLIGHT_PARAM)) {
  // This file sits at the site root, so the bundle is found under any path prefix.
  const { default: PagefindHighlight } = await import(new URL("pagefind/pagefind-highlight.js", import.meta.url).href);
  new PagefindHighlight({ highlightParam: HIGHLIGHT_PARAM, addStyles: false });
  document.querySelector("mark.pagefind-highlight")?.scrollIntoView({ block: "center" });
}
