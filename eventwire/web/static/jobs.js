// Ingest jobs: poll GET /api/jobs (often while one is queued or running, seldom otherwise),
// show the running job's progress, and say when a job has finished so the page reloads.

import { getJson } from "./api.js";
import { plural, replaceChildren } from "./dom.js";

const ACTIVE_POLL_MS = 1000;
const IDLE_POLL_MS = 10000;
const ACTIVE_STATES = new Set(["queued", "running"]);

function isActive(job) {
  return ACTIVE_STATES.has(job.state);
}

/** A watcher drawing into `nodes` ({status, progress}); calls `onFinished()` after a job ends. */
export function createJobWatcher(nodes, { onFinished, onError }) {
  return { nodes, onFinished, onError, states: new Map(), jobs: [], first: true, timer: null };
}

function progressLine(job) {
  const waiting = job.state === "queued" ? " (queued)" : "";
  return `ingesting ${job.done} of ${plural(job.total, "article")}${waiting}`;
}

function summaryLine(job) {
  if (job.state === "failed") return `ingest failed: ${job.error ?? "no reason given"}`;
  const parts = [`${job.stored} stored`, `${job.already_known} already known`,
    `${plural(job.events_changed, "event")} added or updated`];
  const skipped = job.skipped ?? [];
  if (skipped.length) {
    const reasons = skipped.map((item) => `${item.source}: ${item.reason}`).join("; ");
    parts.push(`${skipped.length} skipped (${reasons})`);
  }
  return `last ingest: ${parts.join(", ")}`;
}

function showJobs(watcher) {
  const { status, progress } = watcher.nodes;
  const running = watcher.jobs.filter(isActive);
  const shown = running.at(-1) ?? watcher.jobs[0]; // the oldest still going, else the newest
  status.dataset.state = shown?.state ?? "none";
  if (!shown) {
    replaceChildren(status);
    progress.hidden = true;
    return;
  }
  progress.hidden = !isActive(shown);
  progress.max = Math.max(1, shown.total);
  progress.value = shown.done;
  replaceChildren(status, isActive(shown) ? progressLine(shown) : summaryLine(shown));
  status.classList.toggle("failed", shown.state === "failed");
}

/** Whether a job this watcher saw queued or running has ended (or a new one ended unseen). */
function someJobEnded(watcher, jobs) {
  if (watcher.first) return false;
  return jobs.some((job) => {
    if (isActive(job)) return false;
    const before = watcher.states.get(job.job_id);
    return before === undefined || ACTIVE_STATES.has(before);
  });
}

function schedule(watcher, delay) {
  clearTimeout(watcher.timer);
  watcher.timer = setTimeout(() => pollJobs(watcher), delay);
}

export async function pollJobs(watcher) {
  clearTimeout(watcher.timer);
  try {
    const { jobs } = await getJson("/api/jobs");
    watcher.onError(null);
    const ended = someJobEnded(watcher, jobs);
    watcher.first = false;
    watcher.states = new Map(jobs.map((job) => [job.job_id, job.state]));
    watcher.jobs = jobs;
    showJobs(watcher);
    if (ended) watcher.onFinished();
  } catch (error) {
    watcher.onError(error);
  }
  schedule(watcher, watcher.jobs.some(isActive) ? ACTIVE_POLL_MS : IDLE_POLL_MS);
}

/** A job just posted (the 202 answer): show it at once and poll often until it ends. */
export function trackJob(watcher, job) {
  watcher.jobs = [job, ...watcher.jobs.filter((known) => known.job_id !== job.job_id)];
  watcher.states.set(job.job_id, job.state);
  showJobs(watcher);
  schedule(watcher, ACTIVE_POLL_MS);
}
