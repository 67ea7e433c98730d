import type { RTCSession } from 'jssip/lib/RTCSession';
import type { IncomingRequest } from 'jssip/lib/SIPMessage';
import { type AppError, appError, registrationRefused, unreachable } from '../calls/errors';
import { reconnectDelayMs } from '../calls/reconnectPolicy';
import { type RegistrationFailure, registrationRetryDelayMs } from '../calls/registrationRetry';
import type { SipIdentity } from '../calls/sipIdentity';
import type { RegistrationSnapshot, VoicemailStatus } from '../calls/snapshot';
import type { AccountSettings } from '../settings';
import { type SocketFactory, UserAgent } from './userAgent';

export interface RegistrationEvents {
  state(update: Omit<RegistrationSnapshot, 'account'>): void;
  incoming(session: RTCSession, request: IncomingRequest): void;
  voicemail(status: VoicemailStatus): void;
  /** The connection is gone: calls over it cannot go on. A new one is on its way. */
  connectionLost(): void;
}

type Waiting = 'reconnect' | 'register' | null;

/**
 * Keeps one account registered, whatever happens: a fresh connection (with the account's one
 * identity) after every loss, and a new REGISTER after every refusal, each on its backoff. It
 * never gives up; only `stop()` ends it.
 */
export class Registration {
  private agent: UserAgent | null = null;
  private attempt = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private waiting: Waiting = null;
  private stopped = false;

  constructor(
    private account: AccountSettings,
    private readonly identity: SipIdentity,
    private readonly events: RegistrationEvents,
    private readonly createSocket?: SocketFactory,
    private readonly random: () => number = Math.random,
  ) {}

  start(): void {
    this.events.state({ state: 'connecting', error: null });
    this.connect();
  }

  /** The user agent, while it is registered: the one calls are placed on. */
  get registeredAgent(): UserAgent | null {
    return this.agent?.registered ? this.agent : null;
  }

  /** Takes a display name or ICE servers that need no new registration: the next call uses them. */
  updateInPlace(account: AccountSettings): void {
    this.account = account;
    this.agent?.setDisplayName(account.displayName);
  }

  /** Unregisters and stops for good (account changed, softphone turned off). */
  stop(): void {
    this.stopped = true;
    this.clearTimer();
    this.agent?.stop();
    this.agent = null;
  }

  /** The network came back: a connection that was waiting out its backoff is tried at once. */
  reconnectNow(): void {
    if (this.waiting !== 'reconnect') return;
    this.clearTimer();
    this.connect();
  }

  private connect(): void {
    if (this.stopped) return;
    const agent = new UserAgent(
      this.account,
      this.identity,
      {
        registering: () => this.report(agent, { state: 'registering', error: null }),
        registered: () => {
          if (agent !== this.agent) return;
          this.attempt = 0;
          this.report(agent, { state: 'registered', error: null });
        },
        registrationFailed: (failure) => this.onRegistrationFailed(agent, failure),
        incoming: (session, request) => agent === this.agent && this.events.incoming(session, request),
        voicemail: (status) => agent === this.agent && this.events.voicemail(status),
        connectionLost: () => this.onConnectionLost(agent),
      },
      this.createSocket,
    );
    this.agent = agent;
    agent.start();
  }

  private onRegistrationFailed(agent: UserAgent, failure: RegistrationFailure): void {
    if (agent !== this.agent) return;
    this.attempt += 1;
    const delay = registrationRetryDelayMs(failure, this.attempt, this.random());
    this.report(agent, { state: 'failed', error: failureError(failure, this.account.websocketUrl), retryAt: Date.now() + delay });
    this.wait('register', delay, () => agent.register());
  }

  private onConnectionLost(agent: UserAgent): void {
    if (agent !== this.agent) return;
    this.agent = null;
    this.events.connectionLost();
    this.attempt += 1;
    const delay = reconnectDelayMs(this.attempt, this.random());
    this.events.state({ state: 'connecting', error: unreachable(this.account.websocketUrl), retryAt: Date.now() + delay });
    this.wait('reconnect', delay, () => this.connect());
  }

  private wait(waiting: Exclude<Waiting, null>, delay: number, then: () => void): void {
    this.clearTimer();
    this.waiting = waiting;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.waiting = null;
      then();
    }, delay);
  }

  private clearTimer(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.waiting = null;
  }

  private report(agent: UserAgent, update: Omit<RegistrationSnapshot, 'account'>): void {
    if (agent === this.agent && !this.stopped) this.events.state(update);
  }
}

function failureError(failure: RegistrationFailure, websocketUrl: string): AppError {
  switch (failure.kind) {
    case 'credentials':
      return appError('auth_failed');
    case 'refused':
      return registrationRefused(failure.status, failure.reason);
    case 'timeout':
      return { code: 'timeout', params: [websocketUrl] };
  }
}
