import { describe, expect, test } from 'vitest';
import { RING, synthesizeWav } from '../../../src/audio/tones';

describe('tone synthesis', () => {
  test('writes a valid 16-bit mono WAV of the pattern length', () => {
    const wav = synthesizeWav(RING, 8000);
    const view = new DataView(wav.buffer);
    expect(String.fromCharCode(...wav.slice(0, 4))).toBe('RIFF');
    expect(String.fromCharCode(...wav.slice(8, 12))).toBe('WAVE');
    expect(view.getUint32(24, true)).toBe(8000);
    expect(view.getUint32(40, true)).toBe(4 * 8000 * 2); // 4 s of samples
  });

  test('tones are audible and silences are silent, without clicks at the edges', () => {
    const wav = synthesizeWav(
      [
        { frequencies: [425], ms: 100 },
        { frequencies: [], ms: 100 },
      ],
      8000,
      0.5,
    );
    const samples = new Int16Array(wav.buffer.slice(44));
    const tone = samples.slice(0, 800);
    const silence = samples.slice(800);
    expect(Math.max(...tone.map(Math.abs))).toBeGreaterThan(15000);
    expect(Math.max(...silence.map(Math.abs))).toBe(0);
    expect(Math.abs(tone[0]!)).toBe(0);
  });
});
