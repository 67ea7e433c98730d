import type { MessageKey } from '../i18n';
import type { AppError } from './errors';
import type { SoftphoneSnapshot } from './snapshot';

/** The tooltip, for the service worker to word in the agent's language. */
export type BadgeTitle = { key: MessageKey; params?: string[] } | { error: AppError; retrying: boolean };

export interface Badge {
  text: string;
  color: string;
  title: BadgeTitle;
}

const GREY = '#6b7280';
const GREEN = '#15803d';
const RED = '#b91c1c';
const BLUE = '#1d4ed8';
const AMBER = '#b45309';

/** The toolbar badge for a softphone state: the most urgent fact wins. */
export function badgeFor(snapshot: SoftphoneSnapshot, missedCalls = 0): Badge {
  const { registration, calls } = snapshot;
  if (calls.some((c) => c.state === 'incoming')) return { text: 'RING', color: AMBER, title: { key: 'incomingCallLabel' } };
  if (calls.length > 0) return { text: 'CALL', color: BLUE, title: { key: 'badgeInCall' } };
  switch (registration.state) {
    case 'registered':
      if (snapshot.doNotDisturb) return { text: 'DND', color: RED, title: { key: 'badgeDoNotDisturb' } };
      if (missedCalls > 0)
        return {
          text: String(Math.min(missedCalls, 99)),
          color: RED,
          title: { key: missedCalls === 1 ? 'badgeMissedCall' : 'badgeMissedCalls', params: [String(missedCalls)] },
        };
      return { text: '', color: GREEN, title: { key: 'statusReady', params: [registration.account ?? ''] } };
    case 'connecting':
    case 'registering':
      if (registration.error) return { text: '!', color: RED, title: { error: registration.error, retrying: true } };
      return { text: '…', color: GREY, title: { key: 'statusConnecting' } };
    case 'failed':
      return {
        text: '!',
        color: RED,
        title: registration.error ? { error: registration.error, retrying: Boolean(registration.retryAt) } : { key: 'statusFailed' },
      };
    case 'disabled':
      return { text: 'OFF', color: GREY, title: { key: 'statusDisabled' } };
    case 'unconfigured':
      return { text: 'SET', color: GREY, title: { key: 'statusUnconfigured' } };
  }
}
