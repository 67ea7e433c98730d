// npm run bench [-- --quick]: every speed figure next to its baseline, measured in one run.
import { execSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import type { BenchFigure } from './figure';
import { runCallerIdBench } from './measureCallerId';
import { runClickToCallBench } from './measureClickToCall';
import { runSoftphoneBench } from './measureSoftphone';

const quick = process.argv.includes('--quick');
const root = resolve(import.meta.dirname, '..');

function build(): void {
  console.log('building the extension and the baseline page…');
  execSync('npx vite build --logLevel warn && npx vite build --config bench/baseline/vite.config.ts', { cwd: root, stdio: 'inherit' });
}

function format(value: number | null, unit: string): string {
  if (value === null) return '—';
  if (unit === '/s') return `${Math.round(value).toLocaleString('en')} /s`;
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

function table(figures: BenchFigure[]): string {
  const rows = figures.map((f) => [f.figure, format(f.ours, f.unit), spread(f.oursRange), format(f.baseline, f.unit), spread(f.baselineRange), ratio(f)]);
  const header = ['figure', 'ours (median)', 'ours (min–max)', 'baseline (median)', 'baseline (min–max)', 'ours / baseline'];
  const lines = [header, header.map(() => '---'), ...rows].map((cells) => `| ${cells.join(' | ')} |`);
  return lines.join('\n');
}

build();
const figures: BenchFigure[] = [];
const log = (line: string): void => console.log(`  ${line}`);
console.log('softphone (real PBX, real Chromium)…');
figures.push(...(await runSoftphoneBench(quick ? { repetitions: 3, slowBaselineRepetitions: 1, soakCalls: 20, log } : { log })));
console.log('caller ID resolver…');
figures.push(...(await runCallerIdBench(quick ? { repetitions: 3, runMs: 50 } : {})));
console.log('click-to-call…');
figures.push(...(await runClickToCallBench({ repetitions: quick ? 2 : 5 })));

const output = table(figures);
console.log(`\n${output}\n`);
console.log('Times are medians over the repetitions (min–max beside them); for /s figures higher is better, for ms, KB and MB lower.');
mkdirSync(resolve(root, 'bench/results'), { recursive: true });
const file = resolve(root, `bench/results/${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
writeFileSync(file, JSON.stringify({ date: new Date().toISOString(), quick, node: process.version, cpus: cpus().length, figures }, null, 2));
console.log(`written to ${file}`);
