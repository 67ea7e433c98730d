import { writeFileSync } from 'node:fs';

/** Writes a WAV file (16-bit mono PCM, 48 kHz) of a steady sine at `hz`: a fake microphone that can be told apart by frequency. */
export function writeSineWav(path: string, hz: number, seconds = 2, amplitude = 0.3): string {
  const rate = 48_000;
  const samples = Math.round(rate * seconds);
  const data = Buffer.alloc(44 + samples * 2);
  data.write('RIFF', 0);
  data.writeUInt32LE(36 + samples * 2, 4);
  data.write('WAVEfmt ', 8);
  data.writeUInt32LE(16, 16);
  data.writeUInt16LE(1, 20);
  data.writeUInt16LE(1, 22);
  data.writeUInt32LE(rate, 24);
  data.writeUInt32LE(rate * 2, 28);
  data.writeUInt16LE(2, 32);
  data.writeUInt16LE(16, 34);
  data.write('data', 36);
  data.writeUInt32LE(samples * 2, 40);
  for (let i = 0; i < samples; i++) data.writeInt16LE(Math.round(amplitude * 32767 * Math.sin((2 * Math.PI * hz * i) / rate)), 44 + i * 2);
  writeFileSync(path, data);
  return path;
}
