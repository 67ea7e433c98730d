import { UA, WebSocketInterface } from 'jssip';
import type { RTCSession } from 'jssip/lib/RTCSession';
import type { RTCSessionEvent, UnRegisteredEvent } from 'jssip/lib/UA';
import type { IncomingRequest } from 'jssip/lib/SIPMessage';
import type { AccountSettings } from '../settings';
import { registrationError } from '../calls/errors';
import type { RegistrationSnapshot, VoicemailStatus } from '../calls/snapshot';
import { parseMessageSummary } from '../calls/messageSummary';
import { accountAddress } from '../settings';

export interface UserAgentEvents {
  registration(update: Omit<RegistrationSnapshot, 'account'>): void;
  incoming(session: RTCSession, request: IncomingRequest): void;
  voicemail(status: VoicemailStatus): void;
  /** The WebSocket closed or could not be opened; this UA will not retry by itself. */
  connectionLost(): void;
}

const JSSIP_RETRY_DISABLED_SECONDS = 3600;

/** One JsSIP UA for one account: connects, registers, reports registration facts. */
export class UserAgent {
  readonly ua: UA;
  private stopped = false;

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
      // The softphone owns reconnection (a fresh UA per attempt, see reconnectPolicy): keep
      // JsSIP's own retry out of the way.
      connection_recovery_min_interval: JSSIP_RETRY_DISABLED_SECONDS,
      connection_recovery_max_interval: JSSIP_RETRY_DISABLED_SECONDS,
    });
    const report = (update: Omit<RegistrationSnapshot, 'account'>): void => {
      if (!this.stopped) events.registration(update);
    };
    const url = account.websocketUrl;
    this.ua.on('connected', () => report({ state: 'registering', error: null }));
    this.ua.on('disconnected', () => {
      if (!this.stopped) events.connectionLost();
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
