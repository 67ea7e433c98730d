/** A stretch of a tone pattern: frequencies summed (none = silence), for `ms` milliseconds. */
export interface ToneSegment {
  frequencies: number[];
  ms: number;
}

/** One cycle of a European ring (425 Hz, 1 s on, 3 s off, a little softer than full scale). */
export const RING: ToneSegment[] = [
  { frequencies: [425], ms: 1000 },
  { frequencies: [], ms: 3000 },
];

/** A short, discreet beep for a call waiting over a call in progress. */
export const CALL_WAITING: ToneSegment[] = [
  { frequencies: [440], ms: 200 },
  { frequencies: [], ms: 150 },
  { frequencies: [440], ms: 200 },
  { frequencies: [], ms: 4000 },
];

/** A test tone for the speaker check in settings. */
export const TEST_TONE: ToneSegment[] = [{ frequencies: [440, 660], ms: 800 }];

/** Renders a tone pattern as samples in [-1, 1], with 10 ms ramps at each edge so nothing clicks. */
export function synthesizeSamples(segments: ToneSegment[], sampleRate: number, amplitude: number): Float32Array<ArrayBuffer> {
  const total = segments.reduce((n, s) => n + Math.round((s.ms / 1000) * sampleRate), 0);
  const samples = new Float32Array(total);
  let offset = 0;
  for (const segment of segments) {
    const count = Math.round((segment.ms / 1000) * sampleRate);
    const fade = Math.min(count / 2, sampleRate / 100);
    for (let i = 0; i < count; i++) {
      const t = i / sampleRate;
      const wave = segment.frequencies.reduce((sum, f) => sum + Math.sin(2 * Math.PI * f * t), 0) / Math.max(1, segment.frequencies.length);
      const envelope = Math.min(1, i / fade, (count - 1 - i) / fade);
      samples[offset++] = wave * envelope * amplitude;
    }
  }
  return samples;
}

/** Renders a tone pattern as a 16-bit mono PCM WAV file, so no sound file ships with the extension. */
export function synthesizeWav(segments: ToneSegment[], sampleRate = 8000, amplitude = 0.3): Uint8Array {
  const pcm = synthesizeSamples(segments, sampleRate, amplitude);
  const samples = pcm.length;
  const buffer = new ArrayBuffer(44 + samples * 2);
  const view = new DataView(buffer);
  const text = (offset: number, value: string): void => {
    for (let i = 0; i < value.length; i++) view.setUint8(offset + i, value.charCodeAt(i));
  };
  text(0, 'RIFF');
  view.setUint32(4, 36 + samples * 2, true);
  text(8, 'WAVE');
  text(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * 2, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  text(36, 'data');
  view.setUint32(40, samples * 2, true);
  for (let i = 0; i < samples; i++) view.setInt16(44 + i * 2, Math.round(pcm[i]! * 32767), true);
  return new Uint8Array(buffer);
}
