import { synthesizeSamples } from '../audio/tones';
import { CADENCES, type CallTone, SHORT_TONE_MS, type TonePlan } from '../calls/callTones';
import type { OutputToneAnalysis } from '../protocol/softphone';

/**
 * The frequencies the diagnostics report: every tone plan's ringback and busy components, each
 * with its neighbours 20 Hz either side, so a pure tone (a narrow peak) can be told from speech.
 */
const WATCHED_HZ = [400, 425, 440, 450, 480, 620].flatMap((hz) => [hz - 20, hz, hz + 20]);

/**
 * Plays the call progress tones with WebAudio on the agent's speaker, and listens to what the
 * speaker gets (these tones and each call's remote audio) so the output can be checked by frequency.
 */
export class CallTonePlayer {
  private context: AudioContext | null = null;
  private analyser: AnalyserNode | null = null;
  private source: AudioBufferSourceNode | null = null;
  private playing: { tone: CallTone; plan: TonePlan; endsAt: number } | null = null;
  private startedAt: number | null = null;
  private readonly buffers = new Map<string, AudioBuffer>();
  private sinkId = '';

  /** Starts `tone` (a busy or error tone plays for a few seconds, then stops by itself), or stops the ringback. */
  play(tone: CallTone | null, plan: TonePlan, speakerId: string): void {
    const context = this.audio(speakerId);
    if (tone === null) {
      if (this.playing?.tone === 'ringback') this.stop();
      return;
    }
    if (this.playing && this.playing.tone === tone && this.playing.plan === plan && performance.now() < this.playing.endsAt) return;
    this.stop();
    const source = context.createBufferSource();
    source.buffer = this.buffer(context, tone, plan);
    source.loop = tone === 'ringback';
    source.connect(context.destination);
    if (this.analyser) source.connect(this.analyser);
    source.start();
    source.addEventListener('ended', () => {
      if (this.source === source) this.stop();
    });
    this.source = source;
    this.startedAt = Date.now();
    this.playing = { tone, plan, endsAt: tone === 'ringback' ? Number.POSITIVE_INFINITY : performance.now() + SHORT_TONE_MS };
  }

  /** Opens the audio output and renders the ringback ahead, so the first 180 starts the tone at once. */
  prepare(plan: TonePlan, speakerId: string): void {
    this.buffer(this.audio(speakerId), 'ringback', plan);
  }

  /** Listens to a call's remote audio too (it plays from its own audio element, not from here), until the returned function is called. */
  listen(stream: MediaStream): () => void {
    const context = this.audio(this.sinkId);
    if (!this.analyser || stream.getAudioTracks().length === 0) return () => undefined;
    const node = context.createMediaStreamSource(stream);
    node.connect(this.analyser);
    return () => node.disconnect();
  }

  get tone(): CallTone | null {
    return this.playing?.tone ?? null;
  }

  /** What the speaker carries now: the level at each watched frequency and the strongest frequency. */
  analysis(frequencies: readonly number[] = []): OutputToneAnalysis {
    const analyser = this.analyser;
    const startedAt = this.startedAt;
    const latency = this.context ? Math.round((this.context.baseLatency + (this.context.outputLatency || 0)) * 1000) : null;
    if (!analyser || !this.context) return { tone: this.tone, startedAt, outputLatencyMs: latency, peakHz: null, peakDb: null, levelsDb: {} };
    const bins = new Float32Array(analyser.frequencyBinCount);
    analyser.getFloatFrequencyData(bins);
    const binHz = this.context.sampleRate / analyser.fftSize;
    const at = (hz: number): number => {
      const i = Math.round(hz / binHz);
      return Math.max(bins[i - 1] ?? -Infinity, bins[i] ?? -Infinity, bins[i + 1] ?? -Infinity);
    };
    let peak = 0;
    for (let i = 1; i < bins.length; i++) if ((bins[i] ?? -Infinity) > (bins[peak] ?? -Infinity)) peak = i;
    const db = (value: number): number | null => (Number.isFinite(value) ? Math.round(value) : null);
    return {
      tone: this.tone,
      startedAt,
      outputLatencyMs: latency,
      peakHz: Math.round(peak * binHz),
      peakDb: db(bins[peak] ?? -Infinity),
      levelsDb: Object.fromEntries([...WATCHED_HZ, ...frequencies.flatMap((hz) => [hz - 20, hz, hz + 20])].map((hz) => [String(hz), db(at(hz))])),
    };
  }

  private stop(): void {
    const source = this.source;
    this.source = null;
    this.playing = null;
    this.startedAt = null;
    if (!source) return;
    source.stop();
    source.disconnect();
  }

  /** One audio context for the document's life, following the speaker the agent chose. */
  private audio(speakerId: string): AudioContext {
    if (!this.context) {
      this.context = new AudioContext({ latencyHint: 'interactive' });
      this.analyser = this.context.createAnalyser();
      this.analyser.fftSize = 8192;
      this.analyser.smoothingTimeConstant = 0;
    }
    if (this.context.state === 'suspended') this.context.resume().catch(() => undefined);
    if (speakerId !== this.sinkId) {
      this.sinkId = speakerId;
      const sinkable = this.context as AudioContext & { setSinkId?: (id: string) => Promise<void> };
      sinkable.setSinkId?.(speakerId).catch(() => undefined);
    }
    return this.context;
  }

  private buffer(context: AudioContext, tone: CallTone, plan: TonePlan): AudioBuffer {
    const key = `${plan}:${tone}`;
    let buffer = this.buffers.get(key);
    if (!buffer) {
      const cycle = CADENCES[plan][tone];
      const cycleMs = cycle.reduce((n, s) => n + s.ms, 0);
      const repeated = tone === 'ringback' ? cycle : Array.from({ length: Math.max(1, Math.round(SHORT_TONE_MS / cycleMs)) }, () => cycle).flat();
      const samples = synthesizeSamples(repeated, context.sampleRate, 0.3);
      buffer = context.createBuffer(1, samples.length, context.sampleRate);
      buffer.copyToChannel(samples, 0);
      this.buffers.set(key, buffer);
    }
    return buffer;
  }
}
