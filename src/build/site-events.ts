/**
 * The archive's events, worked out beside the rest of the site data. Grouping a large archive
 * compares tens of thousands of reports and allocates as it goes: in a process of its own
 * (events-process.ts) it has a heap of its own, runs on the other core while the bodies render and
 * the pages are assembled, and its memory is not added to the build's. On a worker thread, as it
 * was until 0af084e, the build at 100,000 articles was one process of 9.1 GB; at 5fa0036 the build's
 * process peaks at 3.7 GB and the events process at 3.8 GB.
 * A long-running process keeps the events process, and it its analyses, from one build to the next.
 */
import { fork, type ChildProcess } from "node:child_process";
import { availableParallelism } from "node:os";
import { resolve } from "node:path";
import type { Article } from "../record.ts";
import type { SourceEntry } from "../registry.ts";
import { siteEvents, type EventArticle, type EventLink, type SiteEvent, type SiteEvents } from "../events/site.ts";
import type { GroupingResult } from "../events/group.ts";
import type { NameForms } from "../events/name.ts";
import { dateLabel } from "./date-labels.ts";
import { isWarm } from "./warm.ts";
import { readTextPack, removeTextPack, unpackText, writeTextPack, type TextPackFile } from "./text-pack.ts";
import { projectRoot } from "./project-root.ts";
import { jsonText } from "../json-text.ts";
import { readValuePack, removeValuePack, writeValuePack, type ValuePackFile } from "./value-pack.ts";

/** Below this many articles a process of its own costs more than it saves. */
const ASIDE_FROM = 500;

/** An article as the event pages show it, from its record: the same fields the site's article has. */
export function eventArticle(a: Article, sourceUrls: Map<string, string>, registry: Record<string, SourceEntry>): EventArticle {
  return {
    slug: a.slug,
    title: a.title,
    date: a.date,
    source: a.source,
    people: a.people,
    places: a.places,
    organisations: a.organisations,
    quotes: a.quotes,
    body: a.body,
    event: a.event,
    url: `/articles/${a.slug}/`,
    dateLabel: dateLabel(a.date),
    sourceUrl: sourceUrls.get(a.source)!,
    sourceFacts: registry[a.source] ?? null,
  };
}

/**
 * What the events process is sent: the articles' order, and those it does not hold as they are (all
 * of them, the first time), their bodies packed apart in a file (text-pack.ts) so that neither
 * process holds them as strings, nor this one a message that copies them (at 100,000 articles the
 * bodies are 485 MB), and the events process reads each when its work needs it.
 */
export interface EventsJob {
  order: string[];
  changed: Omit<EventArticle, "body">[];
  bodies: TextPackFile;
  forms: NameForms;
}

/**
 * A job as it crosses to the events process: in a value pack (value-pack.ts), written before the
 * message that names it is sent. A message larger than the pipe holds is written out only as the
 * event loop of the build's process turns, and it does not turn while that process assembles the
 * pages: the events process got a save's job (the order of 10,000 slugs) half a second late, and
 * the build then waited for its answer.
 */
export type EventsMessage = ValuePackFile;

type JobPart = Omit<EventsJob, "changed"> | { changed: EventsJob["changed"] };

/** A job as the parts of a value pack: its order, names and bodies, then its changed articles a slice at a time. */
export function* jobParts({ changed, ...rest }: EventsJob): Generator<JobPart> {
  yield rest;
  for (let i = 0; i < changed.length; i += PART_SIZE) yield { changed: changed.slice(i, i + PART_SIZE) };
}

/** The job from the parts jobParts made. */
export function receivedJob(parts: Iterable<unknown>): EventsJob {
  let head: Omit<EventsJob, "changed"> | undefined;
  const changed: EventsJob["changed"] = [];
  for (const part of parts as Iterable<JobPart>) {
    if ("changed" in part) changed.push(...part.changed);
    else head = part;
  }
  if (!head) throw new Error("the events job came without its order");
  return { ...head, changed };
}

/** What the events process answers a job with: its events in a file (eventsParts), or why it has none. */
export type EventsReply = { events: ValuePackFile } | { error: string };

type EventsPart = { grouping: GroupingResult } | { events: SiteEvent[] } | { links: [string, EventLink][] };

/** Events, or article links, in one part of the answer's file. */
const PART_SIZE = 256;

/** The events as the parts of a value pack (value-pack.ts): the grouping, then the events and each article's link to its event, a slice at a time. */
export function* eventsParts({ events, byArticle, grouping }: SiteEvents): Generator<EventsPart> {
  yield { grouping };
  for (let i = 0; i < events.length; i += PART_SIZE) yield { events: events.slice(i, i + PART_SIZE) };
  const links = [...byArticle];
  for (let i = 0; i < links.length; i += PART_SIZE) yield { links: links.slice(i, i + PART_SIZE) };
}

/** The events from the parts eventsParts made, in their order. */
export function receivedEvents(parts: Iterable<unknown>): SiteEvents {
  const events: SiteEvent[] = [];
  const byArticle = new Map<string, EventLink>();
  let grouping: GroupingResult | undefined;
  for (const part of parts as Iterable<EventsPart>) {
    if ("grouping" in part) grouping = part.grouping;
    else if ("events" in part) events.push(...part.events);
    else for (const [slug, link] of part.links) byArticle.set(slug, link);
  }
  if (!grouping) throw new Error("the events process answered without its grouping");
  return { events, byArticle, grouping };
}

interface KeptProcess {
  child: ChildProcess;
  /** The articles the process holds, as last sent. */
  sent: Map<string, EventArticle>;
}

const root = projectRoot;

// The process a long-running build (npm start) keeps from one build to the next, with its modules
// loaded, the articles it was sent and its analyses in memory; between builds it does not keep the
// build's process alive. A save sends it the articles that changed, not the archive.
let kept: KeptProcess | null = null;

function eventsProcess(): KeptProcess {
  if (kept) return kept;
  // "advanced": the job's and the answer's Maps and typed arrays go as they are (v8 serialisation), not as JSON.
  const child = fork(resolve(root, "src/build/events-process.ts"), isWarm() ? ["--remember"] : [], {
    cwd: root,
    execArgv: ["--import", "tsx"],
    serialization: "advanced",
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const started = { child, sent: new Map<string, EventArticle>() };
  if (isWarm()) {
    kept = started;
    child.once("exit", () => {
      if (kept === started) kept = null;
    });
  }
  return started;
}

/** Whether the process keeps the build's process alive while it waits for the next job. */
function holdOpen(child: ChildProcess, hold: boolean): void {
  if (hold) child.ref();
  else child.unref();
  const channel = child.channel as { ref(): void; unref(): void } | null | undefined;
  if (hold) channel?.ref();
  else channel?.unref();
}

/** The same article as sent before: the same fields, its lists and texts the very same (an unchanged record's). */
function sameArticle(a: EventArticle, b: EventArticle | undefined): boolean {
  if (!b) return false;
  for (const key of Object.keys(a) as (keyof EventArticle)[]) {
    if (a[key] === b[key]) continue;
    // A source's facts are read afresh from the registry by every build (a few dozen entries, carried by thousands of articles).
    if (key === "sourceFacts" && a.sourceFacts && b.sourceFacts && jsonText(a.sourceFacts) === jsonText(b.sourceFacts)) continue;
    return false;
  }
  return Object.keys(a).length === Object.keys(b).length;
}

/** The articles the events process holds after a job, in the job's order; `held` is left holding those only. */
export function applyJob(held: Map<string, EventArticle>, order: string[], changed: EventArticle[]): EventArticle[] {
  for (const a of changed) held.set(a.slug, a);
  const now = new Set(order);
  for (const slug of [...held.keys()]) if (!now.has(slug)) held.delete(slug);
  return order.map((slug) => held.get(slug)!);
}

/** The job for an events process that holds `sent`, which it leaves as the process will hold it. */
export function eventsJob(articles: EventArticle[], forms: NameForms, sent: Map<string, EventArticle>): EventsJob {
  const order = articles.map((a) => a.slug);
  const changed = articles.filter((a) => !sameArticle(a, sent.get(a.slug)));
  const bodies = writeTextPack(changed.map((a) => a.body)); // first: a job not made leaves `sent` as it was
  applyJob(sent, order, changed);
  return { order, changed: changed.map(({ body: _, ...rest }) => rest), bodies, forms };
}

/** The job's changed articles as the events process holds them (the job's own objects): each body read from the pack when asked for. The pack's file is read once and removed. */
export function receivedArticles(job: EventsJob): EventArticle[] {
  const bodies = readTextPack(job.bodies);
  return job.changed.map((a, i) => {
    const article = a as EventArticle;
    Object.defineProperty(article, "body", { get: () => unpackText(bodies, i), enumerable: true });
    return article;
  });
}

const aside = (articles: number) => articles >= ASIDE_FROM && availableParallelism() > 1;

// A process started before the articles are read, for the eventsAside() that follows.
let early: KeptProcess | null = null;

/**
 * Start the events process while the build reads the records, when about `articles` will go to it:
 * it loads its modules (a second or so) meanwhile. It does not keep the build's process alive.
 */
export function startEventsAside(articles: number): void {
  if (early || !aside(articles)) return;
  early = eventsProcess();
  early.child.on("error", () => undefined); // a process that failed to start is started again by eventsAside, which says why if it fails again
  holdOpen(early.child, false);
}

/** The events of `articles`, in a process of their own when the archive is large enough and there is a core to spare. */
export function eventsAside(articles: EventArticle[], forms: NameForms): Promise<SiteEvents> {
  const started = early;
  early = null;
  if (!aside(articles.length)) {
    if (started?.child.connected && started.child !== kept?.child) started.child.disconnect(); // not needed after all: it ends
    return Promise.resolve(siteEvents(articles, forms));
  }
  const { child, sent } = started?.child.connected ? started : eventsProcess();
  holdOpen(child, true);
  return new Promise<SiteEvents>((resolve, reject) => {
    const onMessage = (reply: EventsReply) => {
      if ("error" in reply) return onError(new Error(`grouping the events failed: ${reply.error}`));
      let events: SiteEvents;
      try {
        events = receivedEvents(readValuePack(reply.events));
      } catch (error) {
        return onError(new Error(`reading the events process's answer failed: ${(error as Error).message}`));
      }
      done();
      resolve(events);
    };
    const onError = (error: Error) => {
      done();
      if (child === kept?.child) kept = null;
      child.kill();
      reject(error);
    };
    const onExit = (code: number | null, signal: string | null) => onError(new Error(`the events process stopped (${signal ?? `exit ${code}`}) before it answered`));
    const done = () => {
      // Once: an error after the answer (or a second one) finds nothing left to settle.
      child.off("message", onMessage).off("error", onError).off("exit", onExit);
      // Read and removed by the process, unless it stopped first.
      if (job) removeTextPack(job.bodies);
      if (message) removeValuePack(message);
      if (child === kept?.child) holdOpen(child, false);
      else if (child.connected) child.disconnect(); // it ends once it has nothing left to do
    };
    let job: EventsJob | undefined;
    let message: EventsMessage | undefined;
    try {
      job = eventsJob(articles, forms, sent);
      message = writeValuePack(jobParts(job));
    } catch (error) {
      return onError(error as Error);
    }
    child.on("message", onMessage).on("error", onError).on("exit", onExit);
    child.send(message, (error) => error && onError(error));
  });
}
