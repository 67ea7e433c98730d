/** A call as the conference sees it: what it receives, and the sender of what it sends. */
export interface ConferenceLeg {
  readonly id: string;
  remoteStream(): MediaStream | null;
  audioSender(): RTCRtpSender | null;
}

/**
 * A three-way conference mixed here: each far end is sent the agent's microphone plus the other
 * far end's audio, and the agent hears both (each call's audio already plays). Nothing leaves the
 * browser: the PBX sees two ordinary calls.
 */
export class ConferenceMixer {
  private readonly context = new AudioContext();
  private readonly microphone: GainNode;
  private readonly sent = new Map<string, MediaStreamTrack>();
  /** What each call sent before: its own microphone track, sent again when the conference ends. */
  private readonly original = new Map<string, MediaStreamTrack | null>();

  private constructor(
    readonly legs: readonly [ConferenceLeg, ConferenceLeg],
    microphone: MediaStream,
  ) {
    this.microphone = this.context.createGain();
    this.context.createMediaStreamSource(microphone).connect(this.microphone);
  }

  /** Starts mixing, or says why it cannot: a call that has no audio yet. */
  static async start(a: ConferenceLeg, b: ConferenceLeg): Promise<ConferenceMixer | null> {
    const microphone = a.audioSender()?.track ?? b.audioSender()?.track;
    if (!microphone || !a.remoteStream() || !b.remoteStream() || !a.audioSender() || !b.audioSender()) return null;
    const mixer = new ConferenceMixer([a, b], new MediaStream([microphone]));
    await mixer.context.resume();
    await Promise.all([mixer.feed(a, b), mixer.feed(b, a)]);
    return mixer;
  }

  /** `to` is sent the microphone and what `from` says. */
  private async feed(to: ConferenceLeg, from: ConferenceLeg): Promise<void> {
    const destination = this.context.createMediaStreamDestination();
    this.microphone.connect(destination);
    const remote = from.remoteStream();
    if (remote) this.context.createMediaStreamSource(remote).connect(destination);
    const track = destination.stream.getAudioTracks()[0];
    if (!track) return;
    const sender = to.audioSender();
    if (!sender) return;
    this.original.set(to.id, sender.track);
    this.sent.set(to.id, track);
    await sender.replaceTrack(track);
  }

  includes(callId: string): boolean {
    return this.legs.some((leg) => leg.id === callId);
  }

  partnerOf(callId: string): ConferenceLeg | undefined {
    return this.legs.find((leg) => leg.id !== callId);
  }

  /** Mutes the agent for both far ends; they still hear each other. */
  setMicrophoneMuted(muted: boolean): void {
    this.microphone.gain.value = muted ? 0 : 1;
  }

  /** Each call sends its own microphone again. */
  async stop(): Promise<void> {
    await Promise.all(
      this.legs.map(async (leg) => {
        const sender = leg.audioSender();
        if (sender && sender.track === this.sent.get(leg.id)) await sender.replaceTrack(this.original.get(leg.id) ?? null).catch(() => undefined);
      }),
    );
    for (const track of this.sent.values()) track.stop();
    await this.context.close().catch(() => undefined);
  }
}
