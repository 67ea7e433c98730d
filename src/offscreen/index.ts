import { broadcast, isExtensionPage, request } from '../protocol/client';
import { serve } from '../protocol/server';
import type { Result } from '../protocol/api';
import { appError } from '../calls/errors';
import { parseAccountSettings, type AccountSettings } from '../settings';
import { watchMicrophonePermission } from './media';
import { Softphone } from './softphone';

const softphone = new Softphone((snapshot) => broadcast({ event: 'snapshot', snapshot }));

function validAccount(input: unknown): AccountSettings | null {
  if (input === null) return null;
  const parsed = parseAccountSettings(input);
  return parsed.ok ? parsed.value : null;
}

serve(
  'offscreen',
  {
    configure: ({ account }): Result => {
      const valid = validAccount(account);
      if (account !== null && valid === null) return { ok: false, error: appError('invalid_settings', 'Invalid account settings') };
      softphone.configure(valid);
      return { ok: true, value: null };
    },
    getSnapshot: () => softphone.snapshot,
    call: ({ target }) => softphone.call(target),
    answer: ({ callId }) => softphone.answer(callId),
    decline: ({ callId }) => softphone.decline(callId),
    hangup: ({ callId }) => softphone.hangup(callId),
    callStats: ({ callId }) => softphone.callStats(callId),
  },
  isExtensionPage,
);

void watchMicrophonePermission((state) => softphone.setMicrophonePermission(state));
void request('background', 'offscreenReady', {}).then(({ account }) => softphone.configure(validAccount(account)));
