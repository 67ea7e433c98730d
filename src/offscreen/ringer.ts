import { CALL_WAITING, RING, synthesizeWav, type ToneSegment } from '../audio/tones';
import type { RingTone } from '../calls/callControl';

/** Plays the ring tone on the ringing device the agent chose, for as long as a call rings. */
export class Ringer {
  private readonly element = document.createElement('audio');
  private playing: RingTone = 'none';
  private readonly urls = new Map<RingTone, string>();

  constructor() {
    this.element.loop = true;
    document.body.append(this.element);
  }

  update(tone: RingTone, deviceId: string): void {
    this.element.setSinkId?.(deviceId).catch(() => undefined);
    if (tone === this.playing) return;
    this.playing = tone;
    if (tone === 'none') {
      this.element.pause();
      this.element.removeAttribute('src');
      return;
    }
    this.element.src = this.url(tone, tone === 'ring' ? RING : CALL_WAITING);
    this.element.play().catch(() => undefined);
  }

  get tone(): RingTone {
    return this.playing;
  }

  private url(tone: RingTone, pattern: ToneSegment[]): string {
    let url = this.urls.get(tone);
    if (!url) {
      url = URL.createObjectURL(new Blob([synthesizeWav(pattern) as BlobPart], { type: 'audio/wav' }));
      this.urls.set(tone, url);
    }
    return url;
  }
}
