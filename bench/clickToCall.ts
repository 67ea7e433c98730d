// Run with: npx vite build && npx tsx bench/clickToCall.ts [--quick]
import { type BenchFigure, runClickToCallBench } from './measureClickToCall';

export { runClickToCallBench };

const quick = process.argv.includes('--quick');
const repetitions = quick ? 3 : 5;

function spread([lo, hi]: [number, number]): string {
  return `${lo.toFixed(0)}–${hi.toFixed(0)}`;
}

function row(f: BenchFigure): string {
  return [
    f.figure.padEnd(58),
    `${f.ours.toFixed(0)} ${f.unit}`.padStart(9),
    `(${spread(f.oursRange)})`.padStart(13),
    `${f.baseline.toFixed(0)} ${f.unit}`.padStart(10),
    `(${spread(f.baselineRange)})`.padStart(13),
  ].join('  ');
}

const figures = await runClickToCallBench({ repetitions });
console.log(`Click-to-call in Chromium (${repetitions} runs each): median (min–max). Ours: the extension's content script, in time slices.`);
console.log('Baseline: libphonenumber-js findPhoneNumbersInText over document.body.innerText in one go, as a page script (finds only, decorates nothing).');
console.log("Long tasks and frames: the longest over 50 ms from the scanning script's start to the end of the scan (0: none), whoever caused it;");
console.log('a frame is a task plus the style and layout work after it. Buttons more than a screen away are shown as the page scrolls to them.');
console.log(['figure'.padEnd(58), 'ours'.padStart(9), ''.padStart(13), 'baseline'.padStart(10), ''.padStart(13)].join('  '));
for (const f of figures) console.log(row(f));
