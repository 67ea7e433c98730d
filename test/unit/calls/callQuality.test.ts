import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { assessQuality, SILENCE_MS, type StatsSample, worseLevel } from '../../../src/calls/callQuality';

const talking = { muted: false, held: false, heldByRemote: false };

/** Samples one second apart: 50 packets (8 KB) each way per second unless told otherwise. */
function samples(count: number, each: Partial<{ received: number; sent: number; lost: number; jitterMs: number; roundTripMs: number }> = {}): StatsSample[] {
  return Array.from({ length: count }, (_, i) => ({
    at: i * 1000,
    bytesReceived: i * (each.received ?? 8000),
    bytesSent: i * (each.sent ?? 8000),
    packetsReceived: i * 50,
    packetsLost: i * (each.lost ?? 0),
    jitterMs: each.jitterMs ?? 5,
    roundTripMs: each.roundTripMs ?? 40,
  }));
}

describe('call quality', () => {
  test.each<[string, StatsSample[], ReturnType<typeof assessQuality>]>([
    ['a clean line is good', samples(5), { level: 'good', silentSide: null, lossPercent: 0 }],
    ['1 lost packet in 51 is fair', samples(5, { lost: 1 }), { level: 'fair', silentSide: null, lossPercent: 2 }],
    ['5 lost in 55 is poor', samples(5, { lost: 5 }), { level: 'poor', silentSide: null, lossPercent: 9.1 }],
    ['40 ms of jitter is fair', samples(5, { jitterMs: 40 }), { level: 'fair', silentSide: null, lossPercent: 0 }],
    ['a 600 ms round trip is poor', samples(5, { roundTripMs: 600 }), { level: 'poor', silentSide: null, lossPercent: 0 }],
    ['nothing received for 3 s: the other side is silent', samples(5, { received: 0 }), { level: 'poor', silentSide: 'remote', lossPercent: 0 }],
    ['nothing sent for 3 s: they cannot hear us', samples(5, { sent: 0 }), { level: 'poor', silentSide: 'local', lossPercent: 0 }],
    ['two seconds of silence are not yet one-way audio', samples(3, { received: 0 }), { level: 'good', silentSide: null, lossPercent: 0 }],
    ['one sample says nothing yet', samples(1), null],
  ])('%s', (_, readings, quality) => {
    expect(assessQuality(readings, talking)).toEqual(quality);
  });

  test('holding (either side) is not one-way audio, and a muted agent sends silence on purpose', () => {
    expect(assessQuality(samples(5, { received: 0, sent: 0 }), { ...talking, held: true })?.silentSide).toBeNull();
    expect(assessQuality(samples(5, { received: 0 }), { ...talking, heldByRemote: true })?.silentSide).toBeNull();
    expect(assessQuality(samples(5, { sent: 0 }), { ...talking, muted: true })?.silentSide).toBeNull();
  });

  test('whatever the counters read, loss stays a percentage and silence needs the full window', () => {
    const sample = fc.record({
      bytesReceived: fc.nat(),
      bytesSent: fc.nat(),
      packetsReceived: fc.nat(),
      packetsLost: fc.integer({ min: -5, max: 1000 }),
      jitterMs: fc.option(fc.nat(500)),
      roundTripMs: fc.option(fc.nat(2000)),
    });
    fc.assert(
      fc.property(fc.array(sample, { minLength: 2, maxLength: 8 }), (raw) => {
        const readings = raw.map((s, i) => ({ ...s, at: i * 1000 }));
        const quality = assessQuality(readings, talking);
        if (quality === null) return false;
        const spanMs = readings.at(-1)!.at;
        return quality.lossPercent >= 0 && quality.lossPercent <= 100 && (quality.silentSide === null || spanMs >= SILENCE_MS);
      }),
    );
  });

  test('the worst level of a call', () => {
    expect(worseLevel(null, 'good')).toBe('good');
    expect(worseLevel('fair', 'good')).toBe('fair');
    expect(worseLevel('fair', 'poor')).toBe('poor');
    expect(worseLevel(null, null)).toBeNull();
  });
});
