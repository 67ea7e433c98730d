/** How long a colleague's subscription lasts before JsSIP refreshes it (it does so about halfway). */
export const SUBSCRIPTION_EXPIRES_S = 1800;
/** A PBX that ended or refused a subscription without saying when to come back is asked again after this. */
export const RESUBSCRIBE_AFTER_S = 300;
/** A PBX that ended it saying when: asked again then, but never sooner than this. */
const MIN_RETRY_S = 5;

/**
 * When to subscribe again after a subscription ended (a final NOTIFY, a refusal, a time-out): the
 * PBX's Retry-After when it gave one, else a few minutes; spread a little so that fifty
 * subscriptions ended together do not come back in one burst.
 */
export function resubscribeDelayMs(retryAfterSeconds: number | undefined, random: () => number = Math.random): number {
  const base =
    retryAfterSeconds !== undefined && Number.isFinite(retryAfterSeconds) && retryAfterSeconds >= 0
      ? Math.max(MIN_RETRY_S, retryAfterSeconds)
      : RESUBSCRIBE_AFTER_S;
  return Math.round(base * 1000 * (1 + 0.2 * random()));
}

/** Whether a dialog-info document's entity is this colleague (sip:<extension>@…), not someone else. */
export function entityIsExtension(entity: string, extension: string): boolean {
  const match = /^sips?:([^@;]+)@/i.exec(entity.trim());
  return match !== null && match[1] === extension;
}
