import { internalError } from '../calls/errors';
import { t } from '../i18n';
import { request } from '../protocol/client';
import type { queueRequests } from '../protocol/queues';
import type { Routes } from '../protocol/server';
import {
  beginQueueAction,
  connectedQueues,
  finishQueueAction,
  type QueueAction,
  type QueueCallResult,
  type QueueDefinition,
  type QueueOutcome,
  queueCallPrecheck,
  queueCallResult,
  queuesToLogOut,
  refuseQueueAction,
} from '../queues';
import { loadQueueSettings, loadQueueState, onQueuesChanged, saveQueueSettings, updateQueueState } from '../storage/queuesStore';
import { askSoftphone } from './askSoftphone';
import { showQueuesOnBadge } from './badge';
import { startQueueReminder } from './queueReminder';

/** Places the login/logout call through the softphone and says how it went. */
async function dialQueueCode(code: string): Promise<QueueCallResult> {
  try {
    const precheck = queueCallPrecheck(await askSoftphone('getSnapshot', {}));
    if (precheck) return precheck;
    return queueCallResult(await request('offscreen', 'dialServiceCode', { code }));
  } catch (error) {
    return { failure: 'softphone_unavailable', detail: { error: internalError(error) } };
  }
}

/**
 * Logs into or out of one queue by dialing its code. The state changes only when the PBX answered
 * and ended the call; one such call runs at a time.
 */
export async function runQueueAction(extension: string, action: QueueAction): Promise<QueueOutcome> {
  const queue = (await loadQueueSettings()).queues.find((q) => q.extension === extension);
  if (!queue) {
    const unknown = { extension, name: extension };
    return updateQueueState((state) => {
      const next = refuseQueueAction(state, unknown, action, 'unknown_queue', null, Date.now());
      return { state: next, result: next.lastOutcome! };
    });
  }
  const begun = await updateQueueState((state) => {
    const start = beginQueueAction(state, queue, action, Date.now());
    if (start.ok) return { state: start.state, result: null };
    const next = refuseQueueAction(state, queue, action, start.failure, null, Date.now());
    return { state: next, result: next.lastOutcome! };
  });
  if (begun !== null) return begun;
  const result = await dialQueueCode(action === 'login' ? queue.loginCode : queue.logoutCode);
  return updateQueueState((state) => {
    const next = finishQueueAction(state, queue, action, result, Date.now());
    return { state: next, result: next.lastOutcome! };
  });
}

/** Logs out of every dynamic queue logged into, one call after another. */
export async function logOutOfAllQueues(): Promise<QueueOutcome[]> {
  const targets: QueueDefinition[] = queuesToLogOut((await loadQueueSettings()).queues, await loadQueueState());
  const outcomes: QueueOutcome[] = [];
  for (const queue of targets) {
    const outcome = await runQueueAction(queue.extension, 'logout');
    outcomes.push(outcome);
    // Not registered or in a call: the next queue would fail the same way.
    if (outcome.failure === 'not_registered' || outcome.failure === 'call_in_progress' || outcome.failure === 'softphone_unavailable') break;
  }
  return outcomes;
}

export const queueRoutes = {
  saveQueueSettings: ({ settings }) => saveQueueSettings(settings),
  queueAction: ({ extension, action }) => runQueueAction(extension, action),
  logOutOfAllQueues: async () => ({ outcomes: await logOutOfAllQueues() }),
  queuesForSoftphone: async () => ({ queues: (await loadQueueSettings()).queues }),
} satisfies Routes<'background', typeof queueRequests>;

async function showOnBadge(): Promise<void> {
  const count = connectedQueues((await loadQueueSettings()).queues, await loadQueueState()).length;
  showQueuesOnBadge(count === 0 ? '' : count === 1 ? t('queuesBadgeOne') : t('queuesBadgeMany', String(count)));
}

/** The softphone learns queue settings as they change; the toolbar and the reminder follow the state. */
export function startQueues(): void {
  void showOnBadge();
  startQueueReminder(logOutOfAllQueues);
  onQueuesChanged(async ({ settings }) => {
    void showOnBadge();
    if (!settings) return;
    try {
      await askSoftphone('configureQueues', { queues: (await loadQueueSettings()).queues });
    } catch (error) {
      console.warn('queue settings not passed to the softphone:', error);
    }
  });
}
