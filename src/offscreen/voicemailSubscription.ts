import type { UA } from 'jssip';
import type { Subscriber } from 'jssip/lib/Subscriber';
import { parseMessageSummary } from '../calls/messageSummary';
import type { VoicemailStatus } from '../calls/snapshot';

const SUBSCRIBE_NON_OK_RESPONSE = 2;
const FINAL_NOTIFY_RECEIVED = 6;
/** A PBX that ends the subscription without saying when to come back is asked again after this. */
const RESUBSCRIBE_AFTER_S = 300;

/**
 * Message-waiting indication by subscription (RFC 3842), for PBXs that only notify subscribers.
 * One subscription per connection; a PBX that refuses it (489 Bad Event, 403, …) is not asked
 * again on that connection, and its unsolicited NOTIFYs, if it sends them, still count.
 */
export class VoicemailSubscription {
  private subscriber: Subscriber | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;

  constructor(
    private readonly ua: UA,
    private readonly mailbox: string,
    private readonly changed: (status: VoicemailStatus) => void,
  ) {}

  start(): void {
    if (this.stopped || this.subscriber !== null) return;
    const subscriber = this.ua.subscribe(this.mailbox, 'message-summary', 'application/simple-message-summary', { expires: 3600 });
    this.subscriber = subscriber;
    subscriber.on('notify', (_final, _request, body) => {
      const status = parseMessageSummary(body ?? '');
      if (status && !this.stopped) this.changed(status);
    });
    subscriber.on('terminated', (code, _reason, retryAfter) => {
      this.subscriber = null;
      if (this.stopped) return;
      if (code === SUBSCRIBE_NON_OK_RESPONSE) {
        console.info('voicemail subscription refused by the PBX: relying on its unsolicited notifications');
        return;
      }
      if (code === FINAL_NOTIFY_RECEIVED) this.timer = setTimeout(() => this.start(), (retryAfter ?? RESUBSCRIBE_AFTER_S) * 1000);
    });
    subscriber.subscribe();
  }

  /** Ends the subscription; `unsubscribe` says so to the PBX (not on a dead connection). */
  stop(unsubscribe: boolean): void {
    this.stopped = true;
    clearTimeout(this.timer);
    if (unsubscribe) {
      try {
        this.subscriber?.terminate();
      } catch {
        // Already over.
      }
    }
    this.subscriber = null;
  }
}
