import { type Socket, UA, WebSocketInterface } from 'jssip';
import type { RTCSession } from 'jssip/lib/RTCSession';
import type { IncomingRequest, IncomingResponse } from 'jssip/lib/SIPMessage';
import type { RTCSessionEvent } from 'jssip/lib/UA';
import { parseMessageSummary } from '../calls/messageSummary';
import { classifyRegistrationAnswer, type RegistrationFailure } from '../calls/registrationRetry';
import type { SipIdentity } from '../calls/sipIdentity';
import type { VoicemailStatus } from '../calls/snapshot';
import type { AccountSettings } from '../settings';
import { accountAddress } from '../settings';
import { Keepalive } from './keepalive';
import { VoicemailSubscription } from './voicemailSubscription';

export interface UserAgentEvents {
  /** Connected: the REGISTER is on its way. */
  registering(): void;
  registered(): void;
  /** A REGISTER or a refresh of it failed on a working connection; nothing retries by itself. */
  registrationFailed(failure: RegistrationFailure): void;
  incoming(session: RTCSession, request: IncomingRequest): void;
  voicemail(status: VoicemailStatus): void;
  /** The connection closed, could not be opened, or stopped answering; this UA is done. */
  connectionLost(): void;
}

/** Makes the UA's connection: a WebSocket in the product, a scripted socket in unit tests. */
export type SocketFactory = (url: string) => Socket;

/** What JsSIP's UA has at run time beyond its published types. */
interface UaInternals {
  transport: { disconnect(): void };
  sendOptions(target: string, body: string | null, options: object): void;
}

const webSocket: SocketFactory = (url) => new WebSocketInterface(url);

/** A WebSocket that does not open within this long (a frozen server accepting TCP) is given up. */
export const CONNECT_TIMEOUT_MS = 10_000;
const JSSIP_RETRY_DISABLED_SECONDS = 3600;

/**
 * One JsSIP UA over one connection, for one account: connects, registers, keeps the connection
 * alive and reports what happens. It never reconnects; `Registration` makes a new one instead.
 */
export class UserAgent {
  readonly ua: UA;
  private stopped = false;
  private readonly keepalive: Keepalive;
  private readonly voicemail: VoicemailSubscription;
  private readonly connectTimer: ReturnType<typeof setTimeout>;

  constructor(
    readonly account: AccountSettings,
    identity: SipIdentity,
    private readonly events: UserAgentEvents,
    createSocket: SocketFactory = webSocket,
  ) {
    this.ua = new UA({
      sockets: [createSocket(account.websocketUrl)],
      uri: `sip:${accountAddress(account)}`,
      password: account.password,
      display_name: account.displayName || undefined,
      instance_id: identity.instanceId,
      contact_uri: identity.contactUri,
      register: true,
      register_expires: 600,
      session_timers: false,
      user_agent: 'VoIP Widget',
      // Registration owns reconnection (a fresh UA per connection, same identity): keep JsSIP's
      // own retry out of the way.
      connection_recovery_min_interval: JSSIP_RETRY_DISABLED_SECONDS,
      connection_recovery_max_interval: JSSIP_RETRY_DISABLED_SECONDS,
    } as ConstructorParameters<typeof UA>[0]);
    this.keepalive = new Keepalive(
      (answered) => this.ping(answered),
      () => this.lose(),
    );
    this.voicemail = new VoicemailSubscription(this.ua, `sip:${accountAddress(account)}`, (status) => events.voicemail(status));
    this.connectTimer = setTimeout(() => this.lose(), CONNECT_TIMEOUT_MS);
    this.ua.on('connected', () => {
      clearTimeout(this.connectTimer);
      this.keepalive.start();
      if (!this.stopped) events.registering();
    });
    this.ua.on('disconnected', () => this.lose());
    this.ua.on('registered', () => {
      if (this.stopped) return;
      events.registered();
      this.voicemail.start();
    });
    this.ua.on('registrationFailed', ({ response, cause }: { response: IncomingResponse | null; cause?: string }) => {
      // A transport error fails the REGISTER in flight, and 'disconnected' follows: that one counts.
      if (this.stopped || cause === 'Connection Error') return;
      events.registrationFailed(
        classifyRegistrationAnswer(response?.status_code ?? null, response?.reason_phrase ?? '', response?.getHeader('Retry-After'), cause),
      );
    });
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

  /** Registers again on this connection (after a refused or timed-out REGISTER). */
  register(): void {
    if (!this.stopped) this.ua.register();
  }

  setDisplayName(displayName: string): void {
    this.ua.set('display_name', displayName || undefined);
  }

  get registered(): boolean {
    return !this.stopped && this.ua.isRegistered();
  }

  /** Unregisters, ends this UA's calls and closes its connection. Later events are ignored. */
  stop(): void {
    this.halt();
    this.voicemail.stop(true);
    this.ua.stop();
  }

  /**
   * Closes a connection that is dead or was given up, without unregistering: the binding belongs
   * to the account's one identity, and the next connection's REGISTER takes it over. An
   * un-REGISTER that a slow server delivered late would remove that new binding.
   */
  abandon(): void {
    this.halt();
    this.voicemail.stop(false);
    // Closing the transport first marks the UA unregistered, so stop() sends nothing.
    (this.ua as unknown as UaInternals).transport.disconnect();
    this.ua.stop();
  }

  private halt(): void {
    this.stopped = true;
    clearTimeout(this.connectTimer);
    this.keepalive.stop();
  }

  private lose(): void {
    if (this.stopped) return;
    this.halt();
    // First, so the calls are ended as lost, not as hung up by the stop below.
    this.events.connectionLost();
    this.abandon();
  }

  private ping(answered: () => void): void {
    const anyAnswer = { succeeded: answered, failed: ({ originator }: { originator: string }) => originator === 'remote' && answered() };
    try {
      (this.ua as unknown as UaInternals).sendOptions(`sip:${this.account.domain}`, null, { eventHandlers: anyAnswer });
    } catch {
      // Not connected after all: the unanswered ping will say so.
    }
  }
}
