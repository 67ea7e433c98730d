// npm run bench [-- --quick] [-- --only=softphone,conference,popup,callerid,clicktocall,carddav,aftercall,colleagues,contacts]: every speed figure next to its
// baseline or floor, measured in one run.
import { execSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import type { BenchFigure, Growth } from './figure';
import { runAfterCallBench } from './measureAfterCall';
import { runCallerIdBench } from './measureCallerId';
import { runCardDavBench } from './measureCardDav';
import { runClickToCallBench, runScanGrowth } from './measureClickToCall';
import { runColleaguesBench } from './measureColleagues';
import { runConferenceBench } from './measureConference';
import { contactsGrowth, runContactsBench } from './measureContacts';
import { overBudget, runPopupBench } from './measurePopup';
import { runSoftphoneBench } from './measureSoftphone';
import { runVoicemailBench } from './measureVoicemail';

const quick = process.argv.includes('--quick');
const only = process.argv
  .find((a) => a.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');
const runs = (part: string): boolean => only === undefined || only.includes(part);
const root = resolve(import.meta.dirname, '..');

function build(): void {
  console.log('building the extension and the baseline page…');
  execSync('npx vite build --logLevel warn && npx vite build --config bench/baseline/vite.config.ts', { cwd: root, stdio: 'inherit' });
}

function format(value: number | null, unit: string): string {
  if (value === null) return '—';
  if (unit === '/s') return `${Math.round(value).toLocaleString('en')} /s`;
  if (unit === 'cards') return `${Math.round(value).toLocaleString('en')} cards`;
  if (unit === 'frames') return `${value} frames`;
  return `${value < 10 ? value.toFixed(2) : value < 100 ? value.toFixed(1) : Math.round(value).toLocaleString('en')} ${unit}`;
}

function spread(range: [number, number] | null): string {
  if (range === null || range[0] === range[1]) return '';
  return `${format(range[0], '').trim()}–${format(range[1], '').trim()}`;
}

function ratio(f: BenchFigure): string {
  if (f.baseline === null || f.baseline === 0) return '';
  const r = f.ours / f.baseline;
  return `${r < 10 ? r.toFixed(2) : Math.round(r)}x`;
}

function difference(f: BenchFigure): string {
  if (f.baseline === null || f.unit !== 'ms') return '';
  const d = f.ours - f.baseline;
  return `${d >= 0 ? '+' : '−'}${format(Math.abs(d), f.unit)}`;
}

function table(figures: BenchFigure[]): string {
  const rows = figures.map((f) => [
    f.figure,
    format(f.ours, f.unit),
    spread(f.oursRange),
    format(f.baseline, f.unit),
    spread(f.baselineRange),
    difference(f),
    ratio(f),
  ]);
  const header = [
    'figure',
    'ours (median)',
    'ours (min–max)',
    'baseline or floor (median)',
    'baseline or floor (min–max)',
    'ours − baseline',
    'ours / baseline',
  ];
  const lines = [header, header.map(() => '---'), ...rows].map((cells) => `| ${cells.join(' | ')} |`);
  return lines.join('\n');
}

/**
 * Each size's value against the smallest's, beside what linear growth would give: a cost that
 * grows faster than its work shows here even when the machine's noise hides it in single figures.
 */
function growthTable(growth: Growth[]): string {
  const lines = growth.map((g) => {
    // Against the smallest size with work in it: from nothing, no growth is linear.
    const from = g.sizes.findIndex((size) => size > 0);
    const cells = g.sizes.map((size, i) => {
      const value = g.values[i]!;
      const against = i > from && from >= 0 ? ` (${(value / g.values[from]!).toFixed(1)}x; linear ${(size / g.sizes[from]!).toFixed(0)}x)` : '';
      return `${size.toLocaleString('en')}: ${format(value, g.unit)}${against}`;
    });
    return `| ${g.figure} | ${cells.join(' | ')} |`;
  });
  return ['| growth | by size: value (against the smallest size; linear growth) |', '| --- | --- |', ...lines].join('\n');
}

build();
const figures: BenchFigure[] = [];
const growth: Growth[] = [];
const log = (line: string): void => console.log(`  ${line}`);
if (runs('softphone')) {
  console.log('softphone (real PBX, real Chromium)…');
  figures.push(...(await runSoftphoneBench(quick ? { repetitions: 3, slowBaselineRepetitions: 1, soakCalls: 20, log } : { log })));
}
if (runs('conference')) {
  console.log('conference mixer (real PBX, three real Chromiums)…');
  figures.push(...(await runConferenceBench({ repetitions: quick ? 1 : 3, log })));
}
if (runs('popup')) {
  console.log('popup against its floor…');
  const popup = await runPopupBench({ repetitions: quick ? 7 : 21, log });
  figures.push(...popup.figures);
  growth.push(...popup.growth);
}
if (runs('callerid')) {
  console.log('caller ID resolver…');
  figures.push(...(await runCallerIdBench(quick ? { repetitions: 3, runMs: 50 } : {})));
  figures.push(...runVoicemailBench({ repetitions: quick ? 5 : 20 }));
}
if (runs('clicktocall')) {
  console.log('click-to-call…');
  figures.push(...(await runClickToCallBench({ repetitions: quick ? 2 : 5 })));
  console.log('click-to-call growth…');
  growth.push(...(await runScanGrowth({ repetitions: quick ? 1 : 3, rows: [1_000, 10_000, 50_000] })));
}
if (runs('carddav')) {
  console.log('CardDAV against Radicale…');
  figures.push(...(await runCardDavBench({ repetitions: quick ? 1 : 3, log })));
}
if (runs('aftercall')) {
  console.log('after the call (real PBX, real Chromium, a webhook receiver on loopback)…');
  figures.push(...(await runAfterCallBench(quick ? { repetitions: 3, drainRepetitions: 1, log } : { log })));
}
if (runs('colleagues')) {
  console.log('colleagues (real PBX with presence, real Chromium)…');
  figures.push(...(await runColleaguesBench({ repetitions: quick ? 3 : 10, log })));
}
if (runs('contacts')) {
  console.log('contacts search…');
  figures.push(...(await runContactsBench({ repetitions: quick ? 2 : 5, log })));
  growth.push(...contactsGrowth());
}

const output = table(figures);
console.log(`\n${output}\n`);
if (growth.length > 0) console.log(`${growthTable(growth)}\n`);
console.log('Times are medians over the repetitions (min–max beside them); for /s figures higher is better, for ms, KB and MB lower.');
console.log('Popup floors: the same page as it stands once ready, its HTML and CSS without any script, opened the same way in the same browser.');
const over = overBudget(figures);
if (over.length > 0) {
  console.error(`\n!!! OVER BUDGET: ${over.map((f) => `${f.figure} ${format(f.ours, f.unit)} > ${format(f.baseline, f.unit)}`).join('; ')} !!!\n`);
  process.exitCode = 1;
}
mkdirSync(resolve(root, 'bench/results'), { recursive: true });
const file = resolve(root, `bench/results/${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
writeFileSync(file, JSON.stringify({ date: new Date().toISOString(), quick, node: process.version, cpus: cpus().length, figures, growth }, null, 2));
console.log(`written to ${file}`);
