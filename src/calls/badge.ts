import type { SoftphoneSnapshot } from './snapshot';

export interface Badge {
  text: string;
  color: string;
  title: string;
}

const GREY = '#6b7280';
const GREEN = '#15803d';
const RED = '#b91c1c';
const BLUE = '#1d4ed8';
const AMBER = '#b45309';

/** The toolbar badge for a softphone state: the most urgent fact wins. */
export function badgeFor(snapshot: SoftphoneSnapshot, missedCalls = 0): Badge {
  const { registration, calls } = snapshot;
  if (calls.some((c) => c.state === 'incoming')) return { text: 'RING', color: AMBER, title: 'Incoming call' };
  if (calls.length > 0) return { text: 'CALL', color: BLUE, title: 'In call' };
  switch (registration.state) {
    case 'registered':
      if (snapshot.doNotDisturb) return { text: 'DND', color: RED, title: 'Do not disturb: incoming calls are refused' };
      if (missedCalls > 0) return { text: String(Math.min(missedCalls, 99)), color: RED, title: `${missedCalls} missed call${missedCalls === 1 ? '' : 's'}` };
      return { text: '', color: GREEN, title: `Ready: ${registration.account ?? ''}` };
    case 'connecting':
    case 'registering':
      if (registration.error) return { text: '!', color: RED, title: `${registration.error.message}: retrying` };
      return { text: '…', color: GREY, title: 'Connecting' };
    case 'failed':
      return { text: '!', color: RED, title: registration.error?.message ?? 'Error' };
    case 'disabled':
      return { text: 'OFF', color: GREY, title: 'Softphone turned off' };
    case 'unconfigured':
      return { text: 'SET', color: GREY, title: 'Set up your SIP account' };
  }
}
