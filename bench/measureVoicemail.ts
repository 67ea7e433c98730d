import { parseMessageSummary } from '../src/calls/messageSummary';
import { type BenchFigure, figure } from './figure';

/**
 * The reading it replaced, kept as the baseline: regexes over the whole body with `^\s*` in
 * multiline mode, which backtrack over every remaining line end at every line.
 */
function regexSummary(body: string): unknown {
  if (body.length > 8192) return null;
  const waiting = /^\s*Messages-Waiting\s*:\s*(yes|no)\s*$/im.exec(body);
  if (!waiting) return null;
  return /^\s*Voice-Message\s*:\s*(\d{1,6})\s*\/\s*(\d{1,6})/im.exec(body);
}

function times(body: string, read: (body: string) => unknown, repetitions: number): number[] {
  return Array.from({ length: repetitions }, () => {
    const start = performance.now();
    read(body);
    return performance.now() - start;
  });
}

/** A voicemail NOTIFY's body comes from the network: the worst 8 KB a caller or PBX can send, read. */
export function runVoicemailBench({ repetitions = 20 }: { repetitions?: number } = {}): BenchFigure[] {
  const bodies: [string, string][] = [
    ['8 KB of newlines', '\n'.repeat(8192)],
    ['8 KB of blank lines after its header', `Messages-Waiting: yes\r\n${'\n'.repeat(8000)}`],
  ];
  return bodies.map(([name, body]) =>
    figure(
      `voicemail NOTIFY: read ${name} (baseline: the multiline regexes it replaced)`,
      'ms',
      times(body, parseMessageSummary, repetitions),
      times(body, regexSummary, repetitions),
    ),
  );
}
