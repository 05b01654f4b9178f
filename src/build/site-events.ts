/**
 * The archive's events, worked out beside the rest of the site data. Grouping a large archive
 * compares tens of thousands of reports and allocates as it goes: on a worker thread it has a heap
 * of its own (the main heap, which holds every article's text and HTML, is not collected over and
 * over meanwhile) and runs on the other core while the bodies render and the pages are assembled.
 * A long-running process keeps the worker, and the worker its analyses, from one build to the next.
 */
import { Worker } from "node:worker_threads";
import { availableParallelism } from "node:os";
import type { Article } from "../record.ts";
import type { SourceEntry } from "../registry.ts";
import { siteEvents, type EventArticle, type SiteEvents } from "../events/site.ts";
import type { NameForms } from "../events/name.ts";
import { dateLabel } from "./date-labels.ts";
import { isWarm } from "./warm.ts";
import { packTexts, packTransfer, unpackText, type TextPack } from "./text-pack.ts";

/** Below this many articles a thread costs more than it saves. */
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
 * What the events worker is sent: the articles' order, and those it does not hold as they are (all
 * of them, the first time), their bodies packed apart (text-pack.ts) so that the worker holds them
 * outside its heap and reads each when its work needs it.
 */
export interface EventsJob {
  order: string[];
  changed: Omit<EventArticle, "body">[];
  bodies: TextPack;
  forms: NameForms;
}

interface KeptWorker {
  worker: Worker;
  /** The articles the worker holds, as last sent. */
  sent: Map<string, EventArticle>;
}

// The worker a long-running process (npm start) keeps from one build to the next, with its modules
// loaded, the articles it was sent and its analyses in memory; between builds it does not keep the
// process alive. A save sends it the articles that changed, not the archive.
let kept: KeptWorker | null = null;

function eventsWorker(): KeptWorker {
  if (kept) return kept;
  const worker = new Worker(new URL("./events-worker.mjs", import.meta.url), { workerData: { remember: isWarm() } });
  const started = { worker, sent: new Map<string, EventArticle>() };
  if (isWarm()) {
    kept = started;
    worker.once("exit", () => {
      if (kept === started) kept = null;
    });
  }
  return started;
}

/** The same article as sent before: the same fields, its lists and texts the very same (an unchanged record's). */
function sameArticle(a: EventArticle, b: EventArticle | undefined): boolean {
  if (!b) return false;
  for (const key of Object.keys(a) as (keyof EventArticle)[]) {
    if (a[key] === b[key]) continue;
    if (key === "sourceFacts" && JSON.stringify(a[key]) === JSON.stringify(b[key])) continue;
    return false;
  }
  return Object.keys(a).length === Object.keys(b).length;
}

/** The articles a worker holds after a job, in the job's order; `held` is left holding those only. */
export function applyJob(held: Map<string, EventArticle>, order: string[], changed: EventArticle[]): EventArticle[] {
  for (const a of changed) held.set(a.slug, a);
  const now = new Set(order);
  for (const slug of [...held.keys()]) if (!now.has(slug)) held.delete(slug);
  return order.map((slug) => held.get(slug)!);
}

/** The job for a worker that holds `sent`, which it leaves as the worker will hold it. */
export function eventsJob(articles: EventArticle[], forms: NameForms, sent: Map<string, EventArticle>): EventsJob {
  const order = articles.map((a) => a.slug);
  const changed = articles.filter((a) => !sameArticle(a, sent.get(a.slug)));
  applyJob(sent, order, changed);
  return { order, changed: changed.map(({ body: _, ...rest }) => rest), bodies: packTexts(changed.map((a) => a.body)), forms };
}

/** The job's changed articles as the worker holds them (the job's own objects): each body read from the pack when asked for. */
export function receivedArticles(job: EventsJob): EventArticle[] {
  return job.changed.map((a, i) => {
    const article = a as EventArticle;
    Object.defineProperty(article, "body", { get: () => unpackText(job.bodies, i), enumerable: true });
    return article;
  });
}

/** The events of `articles`, on a worker thread when the archive is large enough and there is a core to spare. */
export function eventsAside(articles: EventArticle[], forms: NameForms): Promise<SiteEvents> {
  if (articles.length < ASIDE_FROM || availableParallelism() < 2) return Promise.resolve(siteEvents(articles, forms));
  const { worker, sent } = eventsWorker();
  worker.ref();
  return new Promise<SiteEvents>((resolve, reject) => {
    const onMessage = (result: SiteEvents) => {
      done();
      resolve(result);
    };
    const onError = (error: Error) => {
      done();
      reject(error);
    };
    const onExit = (code: number) => onError(new Error(`the events worker stopped (exit ${code}) before it answered`));
    const done = () => {
      worker.off("message", onMessage).off("error", onError).off("exit", onExit);
      if (worker === kept?.worker) worker.unref();
      else void worker.terminate();
    };
    worker.on("message", onMessage).on("error", onError).on("exit", onExit);
    const job = eventsJob(articles, forms, sent);
    worker.postMessage(job, packTransfer(job.bodies));
  });
}
