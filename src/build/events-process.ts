/**
 * The process of eventsAside (site-events.ts): the archive's events from the articles of each job,
 * each report's analysis, the linking of the reports and each event's comparison kept across
 * builds in the cache, and in memory too when it serves a long-running build (npm start); each job
 * and each answer in a file (value-pack.ts) that a message names: events-process.ts [--remember].
 * It ends when its parent lets go of it (disconnects) or ends.
 */
import { siteEvents, type EventArticle, type SiteEvents } from "../events/site.ts";
import { applyJob, eventsParts, receivedArticles, receivedJob, type EventsJob, type EventsMessage, type EventsReply } from "./site-events.ts";
import { readValuePack, removeValuePack, writeValuePack } from "./value-pack.ts";
import { GROUPING, LinkMemo } from "../events/group.ts";
import { cachedAnalysis, cachedCoverage, cachedLinking, eventsMemory } from "./events-cache.ts";
import { jsonText } from "../json-text.ts";

const memory = process.argv.includes("--remember") ? eventsMemory() : undefined;
// The articles as last sent (eventsJob): an unchanged one is the same object from build to build.
const held = new Map<string, EventArticle>();
let formsSent = "";

function answer(job: EventsJob): SiteEvents {
  const { forms } = job;
  const spellings = jsonText(forms); // made once per job: eventName (src/events/name.ts) takes it again
  if (memory && spellings !== formsSent) {
    // An analysis, and so the linking, depends on the names' spellings.
    memory.byArticle = new WeakMap();
    memory.links = new LinkMemo();
  }
  formsSent = spellings;
  const articles = applyJob(held, job.order, receivedArticles(job));
  const reports = cachedAnalysis(forms, memory);
  const coverage = cachedCoverage(memory);
  const linking = cachedLinking(forms);
  const links = memory?.links ?? new LinkMemo();
  links.store = linking.store;
  const events = siteEvents(articles, forms, GROUPING, reports.analyse, coverage.cover, links);
  reports.save();
  coverage.save();
  linking.save();
  return events;
}

process.on("message", (message: EventsMessage) => {
  let reply: EventsReply;
  try {
    reply = { events: writeValuePack(eventsParts(answer(receivedJob(readValuePack(message))))) };
  } catch (error) {
    reply = { error: (error as Error).stack ?? String(error) };
  }
  process.send!(reply, (error: Error | null) => {
    if (error && "events" in reply) removeValuePack(reply.events); // not sent: no one will read it
  });
});
