/** Before any browser test: no browser is a failure of the whole run, with the path it looked at. */
import { requireBrowser } from "../helpers/browser.ts";

export default function setup(): void {
  requireBrowser();
}
