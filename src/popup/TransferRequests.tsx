import type { CallSnapshot, TransferRequest } from '../calls/snapshot';
import { t } from '../i18n';
import { partyNumber, sentName } from '../i18n/party';
import { request } from '../protocol/client';

const answer = (requestId: string, accept: boolean): void => {
  void request('background', 'answerTransferRequest', { requestId, accept }).catch(() => undefined);
};

/** A far end asks to send the agent elsewhere: nothing is dialled unless the agent accepts here. */
export function TransferRequests({ requests, calls }: { requests: TransferRequest[]; calls: CallSnapshot[] }) {
  return (
    <>
      {requests.map((transfer) => {
        const call = calls.find((c) => c.id === transfer.callId);
        const who = call ? partyNumber(call) : '';
        const name = call ? sentName(call) : null;
        return (
          <section key={transfer.id} class="transfer-request" role="alertdialog" aria-label={t('transferRequestLabel')}>
            <p>{t('transferRequestText', [who, transfer.shownNumber || transfer.number])}</p>
            {name && <p class="sent-name">{t('sentName', [name])}</p>}
            <div class="call-actions">
              <button type="button" class="answer-button" onClick={() => answer(transfer.id, true)}>
                {t('transferRequestAccept')}
              </button>
              <button type="button" class="hangup-button" onClick={() => answer(transfer.id, false)}>
                {t('transferRequestRefuse')}
              </button>
            </div>
          </section>
        );
      })}
    </>
  );
}
