import { csvDocument } from '../aftercall/csv';
import { daySummary } from '../aftercall/daySummary';
import type { CallNotes } from '../aftercall/notes';
import type { RecentCall } from '../calls/recentCalls';
import { t } from '../i18n';
import { outcomeText } from '../i18n/errorText';
import { downloadFile } from '../ui/download';
import { formatDuration } from '../ui/format';

const direction = { incoming: () => t('recentIncoming'), outgoing: () => t('recentOutgoing'), missed: () => t('recentMissed') };

/** Recent calls as CSV rows, newest first, with each call's notes and disposition. */
export function recentCallsCsv(calls: readonly RecentCall[], notes: CallNotes): string {
  const header = ['csvDate', 'csvDirection', 'csvNumber', 'csvName', 'csvDuration', 'csvCallerId', 'csvOutcome', 'csvDisposition', 'csvNotes'] as const;
  return csvDocument(
    header.map((key) => t(key)),
    calls.map((call) => [
      new Date(call.startedAt).toISOString(),
      direction[call.direction](),
      call.number,
      call.name,
      Math.round(call.durationMs / 1000),
      call.callerId,
      outcomeText(call.outcome, call.outcomeCause),
      notes[call.id]?.disposition ?? null,
      notes[call.id]?.notes ?? null,
    ]),
  );
}

/** Today's calls, talk time and missed calls, and the CSV export of Recent calls. */
export function RecentSummary({ calls, notes }: { calls: RecentCall[]; notes: CallNotes }) {
  const today = daySummary(calls, Date.now());
  return (
    <div class="recent-summary">
      <p role="status" aria-label={t('daySummaryLabel')}>
        {t('daySummary', [String(today.calls), formatDuration(today.talkMs), String(today.missed)])}
      </p>
      <button
        type="button"
        class="link-button"
        onClick={() => downloadFile(`recent-calls-${new Date().toISOString().slice(0, 10)}.csv`, recentCallsCsv(calls, notes), 'text/csv;charset=utf-8')}
      >
        {t('exportCsv')}
      </button>
    </div>
  );
}
