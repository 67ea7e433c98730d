import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { Agent, DIST } from '../test/e2e/harness/browser';
import { extensionWithLoopbackGranted, TestSite } from '../test/e2e/harness/testSite';

import type { ComparedFigure as BenchFigure, Growth } from './figure';

export type { BenchFigure };

export interface ClickToCallBenchOptions {
  repetitions?: number;
  rows?: number;
  textMegabytes?: number;
}

const LIBPHONENUMBER = resolve(import.meta.dirname, '../node_modules/libphonenumber-js/bundle/libphonenumber-min.js');

/**
 * Records long tasks and long animation frames (a long task leaves out the style and layout work
 * that follows it; a long animation frame includes it) and, for the baseline, runs the naive scan;
 * both report on window.bench.
 */
const INSTRUMENT = `<script>
  window.bench = { longTasks: [], longFrames: [] };
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.bench.longTasks.push({ start: e.startTime, duration: e.duration }); })
    .observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.bench.longFrames.push({ start: e.startTime, duration: e.duration }); })
    .observe({ type: 'long-animation-frame', buffered: true });
</script>`;

/** The naive way: libphonenumber-js over the whole page's text in one go, as a page script. */
const BASELINE = `<script src="/libphonenumber-min.js"></script><script>
  document.addEventListener('DOMContentLoaded', () => setTimeout(() => {
    const start = performance.now();
    const found = libphonenumber.findPhoneNumbersInText(document.body.innerText, 'BE');
    window.bench.baseline = { start, end: performance.now(), found: found.length };
  }));
</script>`;

function tablePage(rows: number, baseline: boolean): string {
  const body: string[] = [];
  for (let i = 0; i < rows; i++) {
    const n = String(1_000_000 + i).slice(1);
    body.push(`<tr><td>Customer ${i}</td><td>Street ${i % 97}</td><td>02 5${n.slice(0, 2)} ${n.slice(2, 4)} ${n.slice(4, 6)}</td></tr>`);
  }
  return `<!doctype html><html><head><meta charset="utf-8">${INSTRUMENT}${baseline ? BASELINE : ''}</head><body><table>${body.join('')}</table></body></html>`;
}

const WORDS = 'lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut labore et dolore magna aliqua'.split(' ');

function textPage(megabytes: number, baseline: boolean): string {
  const paragraphs: string[] = [];
  let size = 0;
  let seed = 7;
  while (size < megabytes * 1_000_000) {
    const words: string[] = [];
    for (let i = 0; i < 160; i++) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      words.push(WORDS[seed % WORDS.length]!);
    }
    const paragraph = `<p>${words.join(' ')}, chapter ${paragraphs.length % 50}.</p>`;
    paragraphs.push(paragraph);
    size += paragraph.length;
  }
  return `<!doctype html><html><head><meta charset="utf-8">${INSTRUMENT}${baseline ? BASELINE : ''}</head><body>${paragraphs.join('\n')}</body></html>`;
}

interface RunResult {
  /** From navigation start to every number found and its button placed, the ones on screen shown (ours), or found (baseline). */
  doneMs: number;
  /** Main-thread time of the scan itself. */
  busyMs: number;
  /** Longest long task (>50 ms) from the scanning script's start to the end of the scan; 0 when none. */
  longestTaskMs: number;
  found: number;
  /** Longest single task of the scanning script itself (ours: a slice; baseline: its one go). */
  longestScriptTaskMs: number;
  /** Longest animation frame (task plus the rendering after it) over 50 ms, same window; 0 when none. */
  longestFrameMs: number;
}

interface PageReport {
  longTasks: { start: number; duration: number }[];
  longFrames: { start: number; duration: number }[];
  baseline?: { start: number; end: number; found: number };
  ours?: { at: number; busyMs: number; found: number; longestSliceMs: number; startedAt: number };
}

async function report(page: Page, done: (r: PageReport) => boolean): Promise<PageReport> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const r = await page.evaluate(() => {
      const bench = (window as unknown as { bench: PageReport }).bench;
      const mark = performance.getEntriesByName('voip-widget:first-scan')[0] as PerformanceMark | undefined;
      const detail = mark?.detail as { busyMs: number; found: number; longestSliceMs: number; startedAt: number } | undefined;
      return { ...bench, ours: mark && detail ? { at: mark.startTime, ...detail } : undefined };
    });
    if (done(r)) return r;
    if (Date.now() > deadline) throw new Error(`benchmark page did not finish: ${JSON.stringify(r).slice(0, 300)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

type Span = { start: number; duration: number };

function longestIn(spans: Span[], from: number, end: number): number {
  return Math.max(0, ...spans.filter((t) => t.start + t.duration >= from && t.start <= end).map((t) => t.duration));
}

async function runOurs(page: Page, url: string): Promise<RunResult> {
  await page.goto(url);
  const r = await report(page, (x) => x.ours !== undefined);
  await page.waitForTimeout(200); // long tasks are reported a little after they end
  const settled = await report(page, () => true);
  // From the content script's start: the page's own frames while it was still being parsed are not ours.
  const from = r.ours!.startedAt;
  return {
    doneMs: r.ours!.at,
    busyMs: r.ours!.busyMs,
    longestTaskMs: longestIn(settled.longTasks, from, r.ours!.at),
    longestFrameMs: longestIn(settled.longFrames, from, r.ours!.at),
    found: r.ours!.found,
    longestScriptTaskMs: r.ours!.longestSliceMs,
  };
}

/**
 * Jumps to the end of the table: the time until the last row's call button is shown and laid out
 * (ours), or until the next frame is laid out (baseline, where nothing is decorated), and the
 * longest animation frame meanwhile.
 */
const SCROLL_TO_END = `(async () => {
  const start = performance.now();
  const last = document.querySelector('tr:last-child td:last-child');
  window.scrollTo(0, document.documentElement.scrollHeight);
  for (;;) {
    await new Promise((resolve) => requestAnimationFrame(resolve));
    const host = last.querySelector('voip-widget-call');
    if (!window.bench.ours || (host && host.getBoundingClientRect().width > 0)) break;
    if (performance.now() - start > 10000) throw new Error('the last row has no call button');
  }
  last.getBoundingClientRect();
  return { start, end: performance.now() };
})()`;

async function scrollToEnd(page: Page, ours: boolean): Promise<{ shownMs: number; longestFrameMs: number; longFrames: number }> {
  await page.evaluate(`window.bench.ours = ${ours}`);
  const { start, end } = (await page.evaluate(SCROLL_TO_END)) as { start: number; end: number };
  await page.waitForTimeout(200);
  const settled = await report(page, () => true);
  // Long animation frames are those over 50 ms: the jump's own, and any that follow within 200 ms.
  const longFrames = settled.longFrames.filter((f) => f.start + f.duration >= start && f.start <= end + 200).length;
  return { shownMs: end - start, longestFrameMs: longestIn(settled.longFrames, start, end), longFrames };
}

async function runBaseline(page: Page, url: string): Promise<RunResult> {
  await page.goto(url);
  const r = await report(page, (x) => x.baseline !== undefined);
  await page.waitForTimeout(200);
  const settled = await report(page, () => true);
  const b = r.baseline!;
  const from = b.start;
  return {
    doneMs: b.end,
    busyMs: b.end - b.start,
    longestTaskMs: longestIn(settled.longTasks, from, b.end),
    longestFrameMs: longestIn(settled.longFrames, from, b.end),
    found: b.found,
    longestScriptTaskMs: b.end - b.start,
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function figure(name: string, unit: string, ours: number[], baseline: number[]): BenchFigure {
  return {
    figure: name,
    unit,
    ours: median(ours),
    baseline: median(baseline),
    oursRange: [Math.min(...ours), Math.max(...ours)],
    baselineRange: [Math.min(...baseline), Math.max(...baseline)],
  };
}

/** A browser with the built extension, click-to-call on for 127.0.0.1 and numbers read as Belgian. */
async function launchWithClickToCall(): Promise<{ agent: Agent; close(): Promise<void> }> {
  const extension = extensionWithLoopbackGranted();
  const agent = await Agent.launch({ extensionDir: extension.dir });
  const options = await agent.openOptions();
  await options.evaluate(async () => {
    await chrome.storage.local.set({ callerId: { homeCountry: 'BE' } });
    const result = await chrome.runtime.sendMessage({ to: 'background', type: 'setClickToCallSite', payload: { site: 'http://127.0.0.1', enabled: true } });
    if (!result?.ok) throw new Error(JSON.stringify(result));
  });
  return {
    agent,
    close: async () => {
      await agent.close();
      extension.remove();
    },
  };
}

const naiveUrl = (site: TestSite, path: string): string => site.url(path).replace('127.0.0.1', 'localhost');

/**
 * The table scanned at each number of rows, ours and the naive scan, to set the growth of each
 * beside linear growth.
 */
export async function runScanGrowth(options: { repetitions?: number; rows?: number[] } = {}): Promise<Growth[]> {
  const { repetitions = 3, rows = [1_000, 10_000, 50_000] } = options;
  const pages: Record<string, string | (() => string)> = {};
  for (const n of rows) {
    pages[`/table-${n}`] = () => tablePage(n, false);
    pages[`/table-${n}-baseline`] = () => tablePage(n, true);
  }
  const site = await TestSite.start(pages, { '/libphonenumber-min.js': LIBPHONENUMBER });
  const browser = await launchWithClickToCall();
  try {
    const page = await browser.agent.context.newPage();
    const busy: number[] = [];
    const done: number[] = [];
    const naive: number[] = [];
    for (const n of rows) {
      const ours: RunResult[] = [];
      const base: RunResult[] = [];
      for (let i = 0; i < repetitions; i++) {
        ours.push(await runOurs(page, site.url(`/table-${n}`)));
        base.push(await runBaseline(page, naiveUrl(site, `/table-${n}-baseline`)));
      }
      for (const r of ours) if (r.found !== n) throw new Error(`decorated ${r.found} of ${n} numbers`);
      busy.push(median(ours.map((r) => r.busyMs)));
      done.push(median(ours.map((r) => r.doneMs)));
      naive.push(median(base.map((r) => r.busyMs)));
    }
    return [
      { figure: 'click-to-call table: main-thread time scanning, by rows', unit: 'ms', sizes: rows, values: busy },
      { figure: 'click-to-call table: all numbers done from navigation, by rows', unit: 'ms', sizes: rows, values: done },
      { figure: 'naive scan of the table: main-thread time, by rows', unit: 'ms', sizes: rows, values: naive },
    ];
  } finally {
    await browser.close();
    await site.stop();
  }
}

/**
 * Click-to-call in Chromium with the built extension, enabled for 127.0.0.1, against the naive
 * scan served from localhost (a site where click-to-call is not enabled), in the same browser.
 */
export async function runClickToCallBench(options: ClickToCallBenchOptions = {}): Promise<BenchFigure[]> {
  const { repetitions = 5, rows = 10_000, textMegabytes = 5 } = options;
  if (!existsSync(join(DIST, 'manifest.json'))) throw new Error('dist/ is missing: run `npx vite build` first');
  const table = { ours: tablePage(rows, false), baseline: tablePage(rows, true) };
  const text = { ours: textPage(textMegabytes, false), baseline: textPage(textMegabytes, true) };
  const site = await TestSite.start(
    { '/table': table.ours, '/table-baseline': table.baseline, '/text': text.ours, '/text-baseline': text.baseline },
    { '/libphonenumber-min.js': LIBPHONENUMBER },
  );
  const browser = await launchWithClickToCall();
  try {
    const page = await browser.agent.context.newPage();
    const baselineUrl = (path: string) => naiveUrl(site, path);
    const runs = { table: { ours: [] as RunResult[], baseline: [] as RunResult[] }, text: { ours: [] as RunResult[], baseline: [] as RunResult[] } };
    const scrolls = {
      ours: [] as { shownMs: number; longestFrameMs: number; longFrames: number }[],
      baseline: [] as { shownMs: number; longestFrameMs: number; longFrames: number }[],
    };
    for (let i = 0; i < repetitions; i++) {
      runs.table.ours.push(await runOurs(page, site.url('/table')));
      scrolls.ours.push(await scrollToEnd(page, true));
      runs.table.baseline.push(await runBaseline(page, baselineUrl('/table-baseline')));
      scrolls.baseline.push(await scrollToEnd(page, false));
      runs.text.ours.push(await runOurs(page, site.url('/text')));
      runs.text.baseline.push(await runBaseline(page, baselineUrl('/text-baseline')));
    }
    for (const r of runs.table.ours) if (r.found !== rows) throw new Error(`decorated ${r.found} of ${rows} numbers`);
    const pick = (list: RunResult[], key: keyof RunResult) => list.map((r) => r[key]);
    const table = `${rows.toLocaleString('en')}-row table`;
    return [
      figure(`${table}: all numbers done, from navigation`, 'ms', pick(runs.table.ours, 'doneMs'), pick(runs.table.baseline, 'doneMs')),
      figure(`${table}: main-thread time scanning`, 'ms', pick(runs.table.ours, 'busyMs'), pick(runs.table.baseline, 'busyMs')),
      figure(`${table}: longest task while scanning`, 'ms', pick(runs.table.ours, 'longestTaskMs'), pick(runs.table.baseline, 'longestTaskMs')),
      figure(
        `${table}: longest task of the scanning script`,
        'ms',
        pick(runs.table.ours, 'longestScriptTaskMs'),
        pick(runs.table.baseline, 'longestScriptTaskMs'),
      ),
      figure(
        `${table}: longest frame (task + rendering) while scanning`,
        'ms',
        pick(runs.table.ours, 'longestFrameMs'),
        pick(runs.table.baseline, 'longestFrameMs'),
      ),
      figure(
        `${table}: jump to the end, last row's button shown`,
        'ms',
        scrolls.ours.map((r) => r.shownMs),
        scrolls.baseline.map((r) => r.shownMs),
      ),
      figure(
        `${table}: jump to the end, longest frame`,
        'ms',
        scrolls.ours.map((r) => r.longestFrameMs),
        scrolls.baseline.map((r) => r.longestFrameMs),
      ),
      figure(
        `${table}: jump to the end, frames over 50 ms (goal: at most 1)`,
        'frames',
        scrolls.ours.map((r) => r.longFrames),
        scrolls.baseline.map((r) => r.longFrames),
      ),
      figure(`${textMegabytes} MB text, no numbers: main-thread time scanning`, 'ms', pick(runs.text.ours, 'busyMs'), pick(runs.text.baseline, 'busyMs')),
      figure(
        `${textMegabytes} MB text, no numbers: longest task while scanning`,
        'ms',
        pick(runs.text.ours, 'longestTaskMs'),
        pick(runs.text.baseline, 'longestTaskMs'),
      ),
      figure(
        `${textMegabytes} MB text, no numbers: longest task of the scanning script`,
        'ms',
        pick(runs.text.ours, 'longestScriptTaskMs'),
        pick(runs.text.baseline, 'longestScriptTaskMs'),
      ),
      figure(
        `${textMegabytes} MB text, no numbers: longest frame while scanning`,
        'ms',
        pick(runs.text.ours, 'longestFrameMs'),
        pick(runs.text.baseline, 'longestFrameMs'),
      ),
    ];
  } finally {
    await browser.close();
    await site.stop();
  }
}
