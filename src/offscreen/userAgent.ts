import { UA, WebSocketInterface } from 'jssip';
import type { RTCSession } from 'jssip/lib/RTCSession';
import type { RTCSessionEvent, UnRegisteredEvent } from 'jssip/lib/UA';
import type { IncomingRequest } from 'jssip/lib/SIPMessage';
import type { AccountSettings } from '../settings';
import { registrationError, unreachable } from '../calls/errors';
import type { RegistrationSnapshot, VoicemailStatus } from '../calls/snapshot';
import { parseMessageSummary } from '../calls/messageSummary';
import { accountAddress } from '../settings';

export interface UserAgentEvents {
  registration(update: Omit<RegistrationSnapshot, 'account'>): void;
  incoming(session: RTCSession, request: IncomingRequest): void;
  voicemail(status: VoicemailStatus): void;
}

export const RECONNECT_MIN_SECONDS = 1;
export const RECONNECT_MAX_SECONDS = 60;

/** One JsSIP UA for one account: connects, registers, reports registration facts. */
export class UserAgent {
  readonly ua: UA;
  private stopped = false;
  /** Kept while JsSIP retries, so the agent keeps reading why it is not connected. */
  private connectionError: RegistrationSnapshot['error'] = null;

  constructor(
    readonly account: AccountSettings,
    events: UserAgentEvents,
  ) {
    const socket = new WebSocketInterface(account.websocketUrl);
    this.ua = new UA({
      sockets: [socket],
      uri: `sip:${accountAddress(account)}`,
      password: account.password,
      display_name: account.displayName || undefined,
      register: true,
      register_expires: 600,
      session_timers: false,
      user_agent: 'VoIP Widget',
      // JsSIP retries with a random delay in [1, 2^attempt] s, clamped to these bounds.
      connection_recovery_min_interval: RECONNECT_MIN_SECONDS,
      connection_recovery_max_interval: RECONNECT_MAX_SECONDS,
    });
    const report = (update: Omit<RegistrationSnapshot, 'account'>): void => {
      if (!this.stopped) events.registration(update);
    };
    const url = account.websocketUrl;
    this.ua.on('connecting', () => report({ state: 'connecting', error: this.connectionError }));
    this.ua.on('connected', () => {
      this.connectionError = null;
      report({ state: 'registering', error: null });
    });
    this.ua.on('disconnected', () => {
      this.connectionError = unreachable(url);
      report({ state: 'failed', error: this.connectionError });
    });
    this.ua.on('registered', () => report({ state: 'registered', error: null }));
    this.ua.on('registrationFailed', (event: UnRegisteredEvent) => report({ state: 'failed', error: registrationError(event.cause, url) }));
    // Message-waiting indication: the PBX sends unsolicited NOTIFYs (Event: message-summary).
    this.ua.on('sipEvent', ({ event, request }) => {
      if (this.stopped || (event as { event?: string } | null)?.event !== 'message-summary') return;
      const status = parseMessageSummary(request.body ?? '');
      if (status) events.voicemail(status);
    });
    this.ua.on('newRTCSession', (event: RTCSessionEvent) => {
      if (!this.stopped && event.originator === 'remote') events.incoming(event.session, event.request as IncomingRequest);
    });
  }

  start(): void {
    this.ua.start();
  }

  get registered(): boolean {
    return this.ua.isRegistered();
  }

  /** Unregisters, ends this UA's calls and closes its connection. Later events are ignored. */
  stop(): void {
    this.stopped = true;
    this.ua.stop();
  }
}
