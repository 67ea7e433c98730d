import type { OutputToneAnalysis, SoftphoneDiagnostics } from '../protocol/softphone';

const startedAt = performance.now();

export function diagnostics(liveCalls: number, output: OutputToneAnalysis): SoftphoneDiagnostics {
  // A collection first, where the engine exposes one (only browsers started with --js-flags=--expose-gc),
  // so the figure is live memory rather than garbage not yet collected.
  (globalThis as { gc?: () => void }).gc?.();
  const memory = (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory;
  return { jsHeapUsedBytes: memory?.usedJSHeapSize ?? null, uptimeMs: Math.round(performance.now() - startedAt), liveCalls, output };
}
