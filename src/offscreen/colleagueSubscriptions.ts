import type { UA } from 'jssip';
import type { Subscriber } from 'jssip/lib/Subscriber';
import {
  applyDialogInfo,
  type Colleague,
  type ColleaguePresence,
  type DialogView,
  emptyDialogView,
  entityIsExtension,
  NotifyBudget,
  parseDialogInfo,
  parsePidfBasic,
  presenceOf,
  presenceOfPidf,
  resubscribeDelayMs,
  SUBSCRIPTION_EXPIRES_S,
  unknownPresence,
} from '../colleagues';

const SUBSCRIBE_NON_OK_RESPONSE = 2;

type Package = 'dialog' | 'presence';

const ACCEPT: Record<Package, string> = { dialog: 'application/dialog-info+xml', presence: 'application/pidf+xml' };

interface Watch {
  colleague: Colleague;
  subscriber: Subscriber | null;
  package: Package;
  view: DialogView;
  timer: ReturnType<typeof setTimeout> | undefined;
}

/**
 * One SUBSCRIBE per colleague on one connection: Event: dialog (RFC 4235), or presence (RFC 3856)
 * where the PBX refuses dialog. JsSIP refreshes each before it expires; one that ends or is
 * refused shows unknown and is asked again later. A new connection gets a new instance.
 */
export class ColleagueSubscriptions {
  private readonly watches = new Map<string, Watch>();
  private readonly budget = new NotifyBudget<{ watch: Watch; body: string }>((_key, { watch, body }) => this.read(watch, body));
  private stopped = false;

  constructor(
    private readonly ua: UA,
    private readonly domain: string,
    private readonly changed: (extension: string, presence: ColleaguePresence) => void,
  ) {}

  /** Watches exactly these colleagues: new ones are subscribed, removed ones unsubscribed. */
  follow(colleagues: readonly Colleague[]): void {
    if (this.stopped) return;
    const wanted = new Map(colleagues.map((c) => [c.extension, c]));
    for (const [extension, watch] of this.watches) {
      if (!wanted.has(extension)) this.drop(watch, true);
    }
    for (const colleague of wanted.values()) {
      if (this.watches.has(colleague.extension)) continue;
      const watch: Watch = { colleague, subscriber: null, package: 'dialog', view: emptyDialogView, timer: undefined };
      this.watches.set(colleague.extension, watch);
      this.changed(colleague.extension, unknownPresence);
      this.subscribe(watch);
    }
  }

  /** Ends every subscription; `unsubscribe` says so to the PBX (not on a dead connection). */
  stop(unsubscribe: boolean): void {
    this.stopped = true;
    for (const watch of [...this.watches.values()]) this.drop(watch, unsubscribe);
    this.budget.clear();
  }

  private subscribe(watch: Watch): void {
    if (this.stopped || this.watches.get(watch.colleague.extension) !== watch) return;
    const target = `sip:${watch.colleague.extension}@${this.domain}`;
    const subscriber = this.ua.subscribe(target, watch.package, ACCEPT[watch.package], { expires: SUBSCRIPTION_EXPIRES_S });
    watch.subscriber = subscriber;
    watch.view = emptyDialogView;
    // JsSIP reports a NOTIFY without a body only as the subscription turning active: for Kamailio,
    // nothing published for a phone never in a call. Its state is idle until a document says more.
    subscriber.on('active', () => {
      if (watch.subscriber === subscriber && watch.package === 'dialog' && watch.view.version < 0)
        this.changed(watch.colleague.extension, presenceOf(emptyDialogView));
    });
    subscriber.on('notify', (_final: boolean, _request: unknown, body: string | undefined) => {
      if (watch.subscriber === subscriber) this.budget.offer(watch.colleague.extension, { watch, body: body ?? '' });
    });
    subscriber.on('terminated', (code: number, _reason: unknown, retryAfter: number | undefined) => {
      if (watch.subscriber !== subscriber) return;
      watch.subscriber = null;
      this.budget.forget(watch.colleague.extension);
      this.changed(watch.colleague.extension, unknownPresence);
      if (this.stopped) return;
      if (code === SUBSCRIBE_NON_OK_RESPONSE && watch.package === 'dialog') {
        watch.package = 'presence';
        this.subscribe(watch);
        return;
      }
      watch.package = 'dialog';
      watch.timer = setTimeout(() => this.subscribe(watch), resubscribeDelayMs(retryAfter));
    });
    subscriber.subscribe();
  }

  /** A NOTIFY body, within budget: a body that cannot be read leaves the state shown as it was. */
  private read(watch: Watch, body: string): void {
    if (this.watches.get(watch.colleague.extension) !== watch) return;
    if (body.trim() === '') {
      // An accepted subscription with nothing published (Kamailio, for a phone never in a call): no dialogs.
      if (watch.package === 'dialog') {
        watch.view = emptyDialogView;
        this.changed(watch.colleague.extension, presenceOf(emptyDialogView));
      }
      return;
    }
    if (watch.package === 'presence') {
      const basic = parsePidfBasic(body);
      if (basic !== null) this.changed(watch.colleague.extension, presenceOfPidf(basic));
      return;
    }
    const info = parseDialogInfo(body);
    if (info === null || !entityIsExtension(info.entity, watch.colleague.extension)) {
      console.info('dialog-info ignored for', watch.colleague.extension);
      return;
    }
    const view = applyDialogInfo(watch.view, info);
    if (view === null) {
      watch.view = emptyDialogView;
      this.changed(watch.colleague.extension, unknownPresence);
      return;
    }
    watch.view = view;
    this.changed(watch.colleague.extension, presenceOf(view));
  }

  private drop(watch: Watch, unsubscribe: boolean): void {
    clearTimeout(watch.timer);
    this.watches.delete(watch.colleague.extension);
    this.budget.forget(watch.colleague.extension);
    const subscriber = watch.subscriber;
    watch.subscriber = null;
    if (unsubscribe && subscriber) {
      try {
        subscriber.terminate();
      } catch {
        // Already over.
      }
    }
  }
}
