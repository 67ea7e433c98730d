import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { diagnoseRefusal, diagnoseRemoteSdp, diagnoseTransport, TRANSPORT_GRACE_MS, transportDetails } from '../../../src/calls/mediaDiagnosis';

/** What a WebRTC-ready far end answers (baresip with ICE, DTLS-SRTP and rtcp-mux, abridged). */
const READY = [
  'v=0',
  'o=- 1 1 IN IP4 192.0.2.2',
  's=-',
  'c=IN IP4 192.0.2.2',
  't=0 0',
  'a=ice-ufrag:45j9HY3',
  'a=ice-pwd:WnDmyYJuoo5LE34yUcxB7NitkDFHU9s',
  'a=setup:active',
  'a=fingerprint:SHA-256 52:5D:AD:39',
  'm=audio 16140 UDP/TLS/RTP/SAVPF 111 0 8 126',
  'a=rtpmap:111 opus/48000/2',
  'a=rtpmap:0 PCMU/8000',
  'a=rtpmap:8 PCMA/8000',
  'a=rtpmap:126 telephone-event/8000',
  'a=sendrecv',
  'a=candidate:c0000202 1 UDP 2113929471 192.0.2.2 16140 typ host',
  'a=rtcp-mux',
].join('\r\n');

const OFFER = [
  'v=0',
  'm=audio 9 UDP/TLS/RTP/SAVPF 111 9 0 8 126',
  'a=rtpmap:111 opus/48000/2',
  'a=rtpmap:9 G722/8000',
  'a=rtpmap:126 telephone-event/8000',
].join('\r\n');

const without = (prefix: string): string =>
  READY.split('\r\n')
    .filter((l) => !l.startsWith(prefix))
    .join('\r\n');

describe("the far end's SDP", () => {
  test.each([
    ['a WebRTC-ready answer', READY, []],
    ['no a=rtcp-mux (Asterisk without rtcp_mux=yes)', without('a=rtcp-mux'), ['no_rtcp_mux']],
    ['no fingerprint (plain RTP)', without('a=fingerprint'), ['no_dtls_fingerprint']],
    ['no ICE credentials (ICE off)', without('a=ice-'), ['no_ice_credentials']],
    [
      'only a codec the softphone did not offer',
      READY.replace('m=audio 16140 UDP/TLS/RTP/SAVPF 111 0 8 126', 'm=audio 16140 UDP/TLS/RTP/SAVPF 18').replace(/a=rtpmap:(111|0|8)[^\r]*\r\n/g, ''),
      ['no_common_codec'],
    ],
    ['no audio at all', 'v=0\r\nm=video 5000 RTP/AVP 96', ['no_audio']],
    ['an audio stream refused with port 0', READY.replace('m=audio 16140', 'm=audio 0'), ['no_audio']],
    [
      'a plain desk phone: RTP/AVP, RTCP apart, no ICE, no DTLS',
      'v=0\nc=IN IP4 10.0.0.5\nm=audio 4000 RTP/AVP 8 0\na=rtcp:4001\na=sendrecv',
      ['no_rtcp_mux', 'no_dtls_fingerprint', 'no_ice_credentials'],
    ],
  ])('%s', (_, sdp, problems) => {
    expect(diagnoseRemoteSdp(sdp, OFFER).problems).toEqual(problems);
  });

  test('the lines at fault are kept for support, and none when all is well', () => {
    expect(diagnoseRemoteSdp(READY, OFFER).details).toEqual([]);
    const plain = diagnoseRemoteSdp('v=0\nm=audio 4000 RTP/AVP 8\na=rtcp:4001\na=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:abc', OFFER);
    expect(plain.details).toEqual(['m=audio 4000 RTP/AVP 8', 'a=rtcp:4001', 'a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:abc']);
  });

  test('session-level ICE credentials and fingerprints count for the stream', () => {
    expect(diagnoseRemoteSdp(READY).problems).toEqual([]);
  });

  test('any text is read without throwing, with at most 40 short detail lines', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 3000 }), fc.option(fc.string({ maxLength: 500 })), (sdp, offer) => {
        const report = diagnoseRemoteSdp(sdp, offer);
        expect(report.details.length).toBeLessThanOrEqual(40);
        for (const line of report.details) expect(line.length).toBeLessThanOrEqual(201);
      }),
    );
  });

  test('a huge SDP is cut short in the details', () => {
    const huge = `v=0\nm=audio 4000 RTP/AVP 8\n${Array.from({ length: 5000 }, (_, i) => `a=rtcp:${i}${'x'.repeat(500)}`).join('\n')}`;
    const report = diagnoseRemoteSdp(huge);
    expect(report.details).toHaveLength(40);
    expect(report.details[1]!.length).toBe(201);
  });
});

describe('a refusal', () => {
  test('keeps the status line and the Warning', () => {
    expect(diagnoseRefusal(488, 'Not Acceptable Here', '305 baresip "Incompatible media"')).toEqual({
      problems: ['refused'],
      details: ['SIP/2.0 488 Not Acceptable Here', 'Warning: 305 baresip "Incompatible media"'],
    });
    expect(diagnoseRefusal(606, 'Not Acceptable', null).details).toEqual(['SIP/2.0 606 Not Acceptable']);
  });
});

describe('the transport of a call that is up', () => {
  const late = TRANSPORT_GRACE_MS;
  test.each([
    ['connected', { sinceAnswerMs: 500, iceState: 'connected', dtlsState: 'connected' }, null],
    ['still connecting, early', { sinceAnswerMs: 1000, iceState: 'checking', dtlsState: 'new' }, null],
    ['ICE failed, early', { sinceAnswerMs: 1000, iceState: 'failed', dtlsState: 'new' }, 'ice_failed'],
    ['DTLS failed, early', { sinceAnswerMs: 1000, iceState: 'connected', dtlsState: 'failed' }, 'dtls_failed'],
    ['ICE never connected', { sinceAnswerMs: late, iceState: 'checking', dtlsState: 'new' }, 'ice_failed'],
    ['ICE connected, DTLS still connecting', { sinceAnswerMs: late, iceState: 'connected', dtlsState: 'connecting' }, 'dtls_failed'],
    ['no transport statistics yet, late', { sinceAnswerMs: late, iceState: null, dtlsState: null }, 'ice_failed'],
    ['connected late', { sinceAnswerMs: late * 10, iceState: 'connected', dtlsState: 'connected' }, null],
  ] as const)('%s', (_, reading, problem) => {
    expect(diagnoseTransport(reading)).toBe(problem);
  });

  test('its details are the SDP lines of the transport', () => {
    expect(transportDetails(READY)).toEqual([
      'c=IN IP4 192.0.2.2',
      'a=ice-ufrag:45j9HY3',
      'a=ice-pwd:WnDmyYJuoo5LE34yUcxB7NitkDFHU9s',
      'a=setup:active',
      'a=fingerprint:SHA-256 52:5D:AD:39',
      'm=audio 16140 UDP/TLS/RTP/SAVPF 111 0 8 126',
      'a=candidate:c0000202 1 UDP 2113929471 192.0.2.2 16140 typ host',
      'a=rtcp-mux',
    ]);
    expect(transportDetails(null)).toEqual([]);
  });
});
