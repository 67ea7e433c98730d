// Run with: npx tsx bench/callerid.ts [--quick]
import { type BenchFigure, runCallerIdBench } from './measureCallerId';

const quick = process.argv.includes('--quick');

function fmt(value: number, unit: string): string {
  if (unit === 'ms') return value < 10 ? value.toFixed(2) : value.toFixed(1);
  return Math.round(value).toLocaleString('en');
}

function row(f: BenchFigure): string {
  const spread = ([lo, hi]: [number, number], mid: number) => `±${(((hi - lo) / 2 / mid) * 100).toFixed(0)}%`;
  const ratio = f.ours / f.baseline;
  return [
    f.figure.padEnd(52),
    `${fmt(f.ours, f.unit)} ${f.unit}`.padStart(20),
    spread(f.oursRange, f.ours).padStart(6),
    `${fmt(f.baseline, f.unit)} ${f.unit}`.padStart(20),
    spread(f.baselineRange, f.baseline).padStart(6),
    `${ratio.toFixed(ratio < 10 ? 2 : 0)}x`.padStart(9),
  ].join('  ');
}

const figures = await runCallerIdBench(quick ? { repetitions: 3, runMs: 50 } : {});
console.log(
  `Caller ID resolver, node ${process.version}: median of ${quick ? 3 : 7} runs, ± half the min–max spread; ratio = ours / baseline (for /s higher is better, for ms lower)`,
);
console.log(
  ['figure'.padEnd(52), 'ours (trie)'.padStart(20), ''.padStart(6), 'baseline (linear)'.padStart(20), ''.padStart(6), 'ratio'.padStart(9)].join('  '),
);
for (const f of figures) console.log(row(f));
