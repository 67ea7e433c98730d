import type { UA } from 'jssip';
import type { IncomingRequest } from 'jssip/lib/SIPMessage';
import { appError } from '../calls/errors';
import { type ColleaguePresence, type ColleagueSettings, emptyColleagueSettings, parseColleagueSettings } from '../colleagues';
import type { Result } from '../protocol/api';
import { request } from '../protocol/client';
import type { offscreenColleagueRequests } from '../protocol/colleagues';
import type { Routes } from '../protocol/server';
import { ColleagueSubscriptions } from './colleagueSubscriptions';
import type { Softphone } from './softphone';

/** How long after the agent's Pick up the picked-up call may arrive and be answered at once. */
const PICKUP_WINDOW_MS = 10_000;

/**
 * Watches the colleagues of the settings on whichever connection is registered: new
 * subscriptions on every new connection (after a loss, a PBX restart, an account change), their
 * states published in the softphone's snapshot. Also answers the service worker's pickup request.
 */
export function attachColleagues(softphone: Softphone): Routes<'offscreen', typeof offscreenColleagueRequests> {
  let settings: ColleagueSettings = emptyColleagueSettings;
  let watching: { ua: UA; subscriptions: ColleagueSubscriptions } | null = null;
  let states: Record<string, ColleaguePresence> = {};
  let pickup: { callId: string; until: number } | null = null;

  const publish = (): void => softphone.setColleagues({ ...states });
  const follow = (): void => {
    const agent = softphone.registeredUserAgent;
    if (agent?.ua !== watching?.ua) {
      watching?.subscriptions.stop(false);
      watching = null;
      states = {};
      if (agent) {
        const subscriptions = new ColleagueSubscriptions(agent.ua, agent.account.domain, (extension, presence) => {
          if (watching?.subscriptions !== subscriptions) return;
          states[extension] = presence;
          publish();
        });
        watching = { ua: agent.ua, subscriptions };
      }
      publish();
    }
    if (watching) {
      for (const extension of Object.keys(states)) if (!settings.colleagues.some((c) => c.extension === extension)) delete states[extension];
      watching.subscriptions.follow(settings.colleagues);
    }
  };
  softphone.subscribe((snapshot) => {
    if ((snapshot.registration.state === 'registered') !== (watching !== null) || softphone.registeredUserAgent?.ua !== watching?.ua) follow();
  });

  // The call a pickup takes arrives as a new INVITE with the Call-ID the colleague's dialog had.
  softphone.answersAtOnce = (invite?: IncomingRequest) => {
    if (pickup === null || Date.now() > pickup.until || invite?.getHeader('Call-ID') !== pickup.callId) return false;
    pickup = null;
    return true;
  };

  const configure = (input: unknown): Result => {
    const parsed = parseColleagueSettings(input);
    if (!parsed.ok) return { ok: false, error: appError('invalid_settings') };
    settings = parsed.value;
    follow();
    publish();
    return { ok: true, value: null };
  };
  void request('background', 'colleaguesForSoftphone', {})
    .then((stored) => configure(stored))
    .catch(() => undefined);

  return {
    configureColleagues: ({ settings: input }) => configure(input),
    pickUp: async ({ extension }): Promise<Result> => {
      if (!settings.colleagues.some((c) => c.extension === extension)) return { ok: false, error: appError('nothing_to_pick_up') };
      if (settings.pickupCode === '') return { ok: false, error: appError('pickup_not_set_up') };
      const presence = states[extension];
      if (presence?.state !== 'ringing') return { ok: false, error: appError('nothing_to_pick_up') };
      pickup = presence.ringingCallId === null ? null : { callId: presence.ringingCallId, until: Date.now() + PICKUP_WINDOW_MS };
      const placed = await softphone.call(`${settings.pickupCode}${extension}`, 'service-code');
      return placed.ok ? { ok: true, value: null } : placed;
    },
  };
}
