import * as v from 'valibot';

const callId = v.pipe(v.string(), v.minLength(1), v.maxLength(200));

/** What views ask of the softphone: the service worker forwards these to the offscreen document. */
const softphoneRequests = {
  getSnapshot: v.object({}),
  call: v.object({ target: v.pipe(v.string(), v.maxLength(256)) }),
  answer: v.object({ callId }),
  decline: v.object({ callId }),
  hangup: v.object({ callId }),
  callStats: v.object({ callId }),
};

/**
 * Every request one context can make of another, with its payload schema: checked on arrival,
 * because the receiver cannot trust the sender.
 */
export const requestSchemas = {
  background: {
    ...softphoneRequests,
    saveAccount: v.object({ account: v.unknown() }),
    openMicrophoneSetup: v.object({}),
    /** Sent by the offscreen document when it starts: it has no storage of its own. */
    offscreenReady: v.object({}),
  },
  offscreen: {
    ...softphoneRequests,
    configure: v.object({ account: v.nullable(v.unknown()) }),
  },
} as const;
