/**
 * Why a call's media cannot work, in terms an administrator can act on: read from the far end's
 * SDP (what WebRTC requires of it), from a refusal, or from the transport while the call is up.
 */
export type MediaProblem =
  /** No usable audio stream (no m=audio, or its port is 0). */
  | 'no_audio'
  /** No `a=rtcp-mux`: WebRTC sends RTP and RTCP on one port and refuses an answer without it. */
  | 'no_rtcp_mux'
  /** No DTLS fingerprint: plain or SDES-keyed RTP, which WebRTC does not speak. */
  | 'no_dtls_fingerprint'
  /** No `a=ice-ufrag`/`a=ice-pwd`: WebRTC needs ICE on every stream. */
  | 'no_ice_credentials'
  /** None of the far end's audio codecs is one the softphone offered. */
  | 'no_common_codec'
  /** The far end refused the call's media (488 or 606 Not Acceptable). */
  | 'refused'
  /** ICE checks never found a path to the far end's media addresses. */
  | 'ice_failed'
  /** ICE connected, but the encryption handshake (DTLS) never completed. */
  | 'dtls_failed';

export interface MediaReport {
  problems: MediaProblem[];
  /** The far end's words for it: the SDP lines at fault, or its status line and Warning, for support. */
  details: string[];
}

const MAX_DETAIL_LINES = 40;
const MAX_LINE = 200;

interface MediaSection {
  lines: string[];
  kind: string;
  port: number;
  profile: string;
  formats: string[];
}

function sections(sdp: string): { session: string[]; media: MediaSection[] } {
  const session: string[] = [];
  const media: MediaSection[] = [];
  for (const raw of sdp.split(/\r\n|\r|\n/)) {
    const line = raw.trim();
    if (line === '') continue;
    if (line.startsWith('m=')) {
      const [kind = '', port = '', profile = '', ...formats] = line.slice(2).split(/\s+/);
      media.push({ lines: [line], kind, port: Number.parseInt(port, 10), profile, formats });
    } else (media.at(-1)?.lines ?? session).push(line);
  }
  return { session, media };
}

const has = (lines: string[], prefix: string): boolean => lines.some((l) => l.startsWith(prefix));
const clip = (lines: string[]): string[] => lines.slice(0, MAX_DETAIL_LINES).map((l) => (l.length > MAX_LINE ? `${l.slice(0, MAX_LINE)}…` : l));

/** The codec names (lower case) a media section lists, by its rtpmap lines or static payload types. */
function codecNames(section: MediaSection): Set<string> {
  const names = new Set<string>();
  const STATIC: Record<string, string> = { '0': 'pcmu', '8': 'pcma', '9': 'g722', '18': 'g729', '3': 'gsm' };
  for (const format of section.formats) {
    const map = section.lines.find((l) => l.startsWith(`a=rtpmap:${format} `));
    const name = map
      ? map
          .slice(map.indexOf(' ') + 1)
          .split('/')[0]
          ?.toLowerCase()
      : STATIC[format];
    if (name && name !== 'telephone-event' && name !== 'cn') names.add(name);
  }
  return names;
}

/**
 * What in the far end's SDP (an answer to our offer, or its offer) WebRTC cannot use. `offer` is
 * our own offer when `sdp` answers it, for the codec check; it may be null (an incoming offer).
 */
export function diagnoseRemoteSdp(sdp: string, offer: string | null = null): MediaReport {
  const { session, media } = sections(sdp);
  const audio = media.find((m) => m.kind === 'audio' && m.port > 0);
  if (!audio) {
    const line = media.find((m) => m.kind === 'audio')?.lines[0];
    return { problems: ['no_audio'], details: clip(line ? [line] : media.map((m) => m.lines[0] ?? '')) };
  }
  const both = [...session, ...audio.lines];
  const problems: MediaProblem[] = [];
  const details: string[] = [audio.lines[0] ?? ''];
  if (!has(audio.lines, 'a=rtcp-mux')) {
    problems.push('no_rtcp_mux');
    details.push(...audio.lines.filter((l) => l.startsWith('a=rtcp:')));
  }
  if (!has(both, 'a=fingerprint:')) {
    problems.push('no_dtls_fingerprint');
    details.push(...both.filter((l) => l.startsWith('a=crypto:')));
  }
  if (!has(both, 'a=ice-ufrag:') || !has(both, 'a=ice-pwd:')) problems.push('no_ice_credentials');
  if (offer !== null) {
    const offered = sections(offer).media.find((m) => m.kind === 'audio');
    const ours = offered ? codecNames(offered) : new Set<string>();
    const theirs = codecNames(audio);
    if (ours.size > 0 && theirs.size > 0 && ![...theirs].some((name) => ours.has(name))) {
      problems.push('no_common_codec');
      details.push(...audio.lines.filter((l) => l.startsWith('a=rtpmap:')));
    }
  }
  return { problems, details: problems.length === 0 ? [] : clip(details) };
}

/** A far end that refused the media outright (488 / 606): its status line and Warning header. */
export function diagnoseRefusal(status: number, reason: string, warning: string | null): MediaReport {
  return { problems: ['refused'], details: clip([`SIP/2.0 ${status} ${reason}`.trim(), ...(warning ? [`Warning: ${warning}`] : [])]) };
}

/** The transport of a call that is up, as getStats reports it (RTCTransportStats). */
export interface TransportReading {
  /** Milliseconds since the call was answered. */
  sinceAnswerMs: number;
  iceState: string | null;
  dtlsState: string | null;
}

/** How long after the answer a transport may take to connect before it counts as failed. */
export const TRANSPORT_GRACE_MS = 4000;

/** A call whose transport never came up: ICE found no path, or DTLS never finished. Null while it may yet connect. */
export function diagnoseTransport(reading: TransportReading): 'ice_failed' | 'dtls_failed' | null {
  const { iceState, dtlsState, sinceAnswerMs } = reading;
  if (dtlsState === 'connected') return null;
  if (iceState === 'failed') return 'ice_failed';
  if (dtlsState === 'failed') return 'dtls_failed';
  if (sinceAnswerMs < TRANSPORT_GRACE_MS) return null;
  return iceState === 'connected' || iceState === 'completed' ? 'dtls_failed' : 'ice_failed';
}

/** The far end's SDP lines that show how it set up the transport, for the diagnostics view. */
export function transportDetails(sdp: string | null): string[] {
  if (!sdp) return [];
  return clip(sdp.split(/\r\n|\r|\n/).filter((l) => /^(m=|c=|a=(setup|fingerprint|ice-|candidate|rtcp-mux))/.test(l.trim())));
}
