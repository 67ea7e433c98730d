import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { SoftphoneSnapshot } from '../../../src/calls/snapshot';
import { Softphone } from '../../../src/offscreen/softphone';
import { account, identity, ScriptedRegistrar } from './scriptedRegistrar';

// What the softphone does when a call changes while the microphone opens (getUserMedia can take
// seconds while the browser asks the agent): JsSIP's own INVITE and CANCEL handling over a scripted
// socket, with a microphone that opens only when the test says so.

interface FakeTrack {
  kind: 'audio';
  stop: ReturnType<typeof vi.fn>;
}

/** getUserMedia that answers only when `open()` is called; every stream it gave is kept. */
function slowMicrophone() {
  const waiting: (() => void)[] = [];
  const tracks: FakeTrack[] = [];
  const getUserMedia = vi.fn(
    () =>
      new Promise((resolve) => {
        const track: FakeTrack = { kind: 'audio', stop: vi.fn() };
        tracks.push(track);
        waiting.push(() => resolve({ getTracks: () => [track], getAudioTracks: () => [track] }));
      }),
  );
  return {
    getUserMedia,
    tracks,
    open: () => {
      for (const resolve of waiting.splice(0)) resolve();
    },
  };
}

const sdp = ['v=0', 'o=- 1 1 IN IP4 127.0.0.1', 's=-', 'c=IN IP4 127.0.0.1', 't=0 0', 'm=audio 4000 RTP/AVP 0', 'a=rtpmap:0 PCMU/8000', ''].join('\r\n');

function invite(callId: string, cseqMethod: 'INVITE' | 'CANCEL' = 'INVITE'): string {
  const body = cseqMethod === 'INVITE' ? sdp : '';
  const lines = [
    `${cseqMethod} sip:101@pbx.test SIP/2.0`,
    `Via: SIP/2.0/WS registrar.test;branch=z9hG4bK${callId}`,
    'Max-Forwards: 70',
    'From: "Bob" <sip:200@pbx.test>;tag=caller',
    'To: <sip:101@pbx.test>',
    `Call-ID: ${callId}`,
    `CSeq: 1 ${cseqMethod}`,
    ...(cseqMethod === 'INVITE' ? ['Contact: <sip:200@registrar.test;transport=ws>', 'Content-Type: application/sdp'] : []),
    `Content-Length: ${Buffer.byteLength(body)}`,
  ];
  return `${lines.join('\r\n')}\r\n\r\n${body}`;
}

async function registeredSoftphone() {
  const registrar = new ScriptedRegistrar();
  const softphone = new Softphone(() => undefined, registrar.socket);
  softphone.configure(account, undefined, identity);
  await vi.advanceTimersByTimeAsync(100);
  expect(softphone.snapshot.registration.state).toBe('registered');
  return { registrar, softphone };
}

async function ringing(registrar: ScriptedRegistrar, softphone: Softphone, callId: string) {
  registrar.deliver(1, invite(callId));
  await vi.advanceTimersByTimeAsync(10);
  const call = softphone.snapshot.calls.find((c) => c.id.startsWith(callId));
  expect(call?.state).toBe('incoming');
  return call!.id;
}

const allStopped = (tracks: FakeTrack[]) => tracks.every((t) => t.stop.mock.calls.length > 0);
const invitesSent = (registrar: ScriptedRegistrar) => registrar.seen.filter((r) => r.method === 'INVITE').length;

let microphone: ReturnType<typeof slowMicrophone>;

beforeEach(() => {
  vi.useFakeTimers();
  microphone = slowMicrophone();
  vi.stubGlobal('navigator', { mediaDevices: { getUserMedia: microphone.getUserMedia } });
  const audio = { autoplay: false, srcObject: null, setSinkId: () => Promise.resolve(), play: () => Promise.resolve(), remove: () => undefined };
  vi.stubGlobal('document', { createElement: () => audio, body: { append: () => undefined } });
  // JsSIP takes INVITEs only where WebRTC exists; no test here gets as far as media.
  class NoPeerConnection {
    constructor() {
      throw new Error('no peer connection in these tests');
    }
  }
  vi.stubGlobal('RTCPeerConnection', NoPeerConnection);
  vi.stubGlobal('window', { RTCPeerConnection: NoPeerConnection });
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('the caller gives up while the microphone opens', () => {
  test('answering a call cancelled meanwhile closes the microphone and leaves no call', async () => {
    const { registrar, softphone } = await registeredSoftphone();
    const callId = await ringing(registrar, softphone, 'cancelled-1');
    const answering = softphone.answer(callId);
    await vi.advanceTimersByTimeAsync(1);
    expect(microphone.getUserMedia).toHaveBeenCalledTimes(1);
    registrar.deliver(1, invite('cancelled-1', 'CANCEL'));
    await vi.advanceTimersByTimeAsync(10);
    expect(softphone.snapshot.calls).toEqual([]);

    microphone.open();
    const result = await answering;
    expect(result).toMatchObject({ ok: false, error: { code: 'call_ended' } });
    expect(microphone.tracks).toHaveLength(1);
    expect(allStopped(microphone.tracks)).toBe(true);
    expect(softphone.snapshot.calls).toEqual([]);
    expect(invitesSent(registrar)).toBe(0);
  });

  test('the other call is not held for a call that was cancelled before it could be answered', async () => {
    const { registrar, softphone } = await registeredSoftphone();
    const first = await ringing(registrar, softphone, 'first-1');
    const second = await ringing(registrar, softphone, 'second-1');
    const held: string[] = [];
    // Holding goes through the call's session: watch which calls are asked to hold.
    const calls = (softphone as unknown as { calls: Map<string, { id: string; setHeld(held: boolean): void }> }).calls;
    for (const call of calls.values()) call.setHeld = () => held.push(call.id);
    const answering = softphone.answer(second);
    await vi.advanceTimersByTimeAsync(1);
    registrar.deliver(1, invite('second-1', 'CANCEL'));
    await vi.advanceTimersByTimeAsync(10);
    microphone.open();
    expect(await answering).toMatchObject({ ok: false, error: { code: 'call_ended' } });
    expect(held).toEqual([]);
    expect(allStopped(microphone.tracks)).toBe(true);
    expect(softphone.snapshot.calls.map((c) => c.id)).toEqual([first]);
  });
});

describe('placing a call while the microphone opens', () => {
  test('the account turned off meanwhile: no call, and the microphone is closed', async () => {
    const { softphone } = await registeredSoftphone();
    const placing = softphone.call('200');
    await vi.advanceTimersByTimeAsync(1);
    softphone.configure(null);
    microphone.open();
    expect(await placing).toMatchObject({ ok: false, error: { code: 'not_set_up' } });
    expect(allStopped(microphone.tracks)).toBe(true);
    expect(softphone.snapshot.calls).toEqual([]);
  });

  test('a call that started ringing meanwhile: the new one is not placed over it, and the microphone is closed', async () => {
    const { registrar, softphone } = await registeredSoftphone();
    const placing = softphone.call('200');
    await vi.advanceTimersByTimeAsync(1);
    const incoming = await ringing(registrar, softphone, 'meanwhile-1');
    microphone.open();
    expect(await placing).toMatchObject({ ok: false, error: { code: 'call_in_progress' } });
    expect(allStopped(microphone.tracks)).toBe(true);
    expect(softphone.snapshot.calls.map((c) => c.id)).toEqual([incoming]);
    expect(registrar.seen.filter((r) => r.method === 'INVITE')).toHaveLength(0);
  });
});

/** An RTCSession as JsSIP hands one over, for the one path that needs a call already up (Replaces). */
class ReplacingSession extends EventEmitter {
  constructor(readonly id = 'replacing-1') {
    super();
  }
  readonly remote_identity = { uri: { user: '103' }, display_name: 'Carol' };
  readonly connection = undefined;
  private ended = false;
  readonly answer = vi.fn();
  readonly terminate = vi.fn();
  isEnded(): boolean {
    return this.ended;
  }
  hold(): boolean {
    return true;
  }
  isOnHold() {
    return { local: false, remote: false };
  }
  /** The other party hangs up an established call. */
  hangUpFromFarEnd(): void {
    this.ended = true;
    this.emit('ended', { cause: 'Bye', originator: 'remote' });
  }
  /** The transferor's INVITE is cancelled: JsSIP ends the session and says so. */
  cancel(): void {
    this.ended = true;
    this.emit('failed', { cause: 'Canceled', originator: 'remote' });
  }
}

describe('an INVITE replacing one of our calls (attended transfer) is cancelled while the microphone opens', () => {
  test('it is not left ringing, nor answered, and the microphone is closed', async () => {
    const { softphone } = await registeredSoftphone();
    const snapshots: SoftphoneSnapshot[] = [];
    softphone.subscribe((s) => snapshots.push(s));
    const session = new ReplacingSession();
    const inside = softphone as unknown as { replacements: WeakSet<object>; onIncoming(session: unknown): void };
    inside.replacements.add(session);
    inside.onIncoming(session);
    await vi.advanceTimersByTimeAsync(1);
    session.cancel();
    microphone.open();
    await vi.advanceTimersByTimeAsync(1);
    expect(session.answer).not.toHaveBeenCalled();
    expect(allStopped(microphone.tracks)).toBe(true);
    expect(softphone.snapshot.calls).toEqual([]);
    expect(snapshots.at(-1)?.lastEndedCall?.id).toBe('replacing-1');
  });

  test('one that is not cancelled is answered with the microphone', async () => {
    const { softphone } = await registeredSoftphone();
    const session = new ReplacingSession();
    const inside = softphone as unknown as { replacements: WeakSet<object>; onIncoming(session: unknown): void };
    inside.replacements.add(session);
    inside.onIncoming(session);
    microphone.open();
    await vi.advanceTimersByTimeAsync(1);
    expect(session.answer).toHaveBeenCalledTimes(1);
    expect(microphone.tracks[0]?.stop).not.toHaveBeenCalled();
  });
});

describe('a consultation call placed while the microphone opens', () => {
  test('the call it consults for ends meanwhile: it is not placed, and the microphone is closed', async () => {
    const { registrar, softphone } = await registeredSoftphone();
    // A call already up (it came in as an attended transfer's new call, the one path without WebRTC here).
    const session = new ReplacingSession('up-1');
    const inside = softphone as unknown as { replacements: WeakSet<object>; onIncoming(session: unknown): void };
    inside.replacements.add(session);
    inside.onIncoming(session);
    microphone.open();
    await vi.advanceTimersByTimeAsync(1);
    session.emit('confirmed');
    expect(softphone.snapshot.calls[0]?.state).toBe('active');

    const consulting = softphone.consult('up-1', '200');
    await vi.advanceTimersByTimeAsync(1);
    session.hangUpFromFarEnd();
    microphone.open();
    expect(await consulting).toMatchObject({ ok: false, error: { code: 'call_ended' } });
    expect(microphone.tracks).toHaveLength(2);
    expect(microphone.tracks[1]?.stop).toHaveBeenCalled();
    expect(softphone.snapshot.calls).toEqual([]);
    expect(invitesSent(registrar)).toBe(0);
  });
});
