import { describe, expect, test } from 'vitest';
import { newCall } from '../../../src/calls/callState';
import { appError } from '../../../src/calls/errors';
import { type CallEnd, initialSnapshot, type RegistrationSnapshot } from '../../../src/calls/snapshot';
import { type QueueFailure, queueCallPrecheck, queueCallResult } from '../../../src/queues';

function end(code: CallEnd['code'], answered = false): CallEnd {
  return code === 'failed' ? { code, cause: 'SIP Failure Code', completed: answered } : { code, completed: answered };
}

function ended(answered: boolean, code: CallEnd['code']): Parameters<typeof queueCallResult>[0] {
  const call = { ...newCall('c', 'outgoing', '*51', null, 0, 'service-code'), state: 'ended' as const, answeredAt: answered ? 100 : null, endedAt: 2500 };
  return { ok: true, value: { ...call, end: end(code, answered) } };
}

describe('login/logout call result', () => {
  test.each<[string, Parameters<typeof queueCallResult>[0], QueueFailure | null, unknown]>([
    ['answered, then ended by the PBX: done', ended(true, 'remote_hangup'), null, null],
    ['answered and never ended by the PBX (hung up by us)', ended(true, 'local_hangup'), 'not_ended', null],
    ['busy', ended(false, 'busy'), 'busy', null],
    ['refused by the PBX', ended(false, 'rejected'), 'rejected', { end: end('rejected') }],
    ['unavailable', ended(false, 'unavailable'), 'rejected', { end: end('unavailable') }],
    ['no answer before we gave up', ended(false, 'canceled'), 'no_answer', null],
    ['other SIP failures (e.g. 503)', ended(false, 'failed'), 'rejected', { end: end('failed') }],
    ['answered, then failed', ended(true, 'failed'), 'failed', { end: end('failed', true) }],
    ['not registered', { ok: false, error: appError('not_registered') }, 'not_registered', { error: appError('not_registered') }],
    ['another call runs', { ok: false, error: appError('call_in_progress') }, 'call_in_progress', null],
    ['microphone blocked', { ok: false, error: appError('microphone_denied') }, 'failed', { error: appError('microphone_denied') }],
  ])('%s', (_, result, failure, detail) => {
    expect(queueCallResult(result)).toEqual({ failure, detail });
  });
});

describe('before dialing a queue code', () => {
  const registered: RegistrationSnapshot = { state: 'registered', account: '101@pbx.test', error: null };
  test.each<[string, Partial<typeof initialSnapshot>, QueueFailure | null]>([
    ['registered and idle: go', { registration: registered }, null],
    ['not registered', { registration: { state: 'failed', account: null, error: appError('auth_failed') } }, 'not_registered'],
    ['not set up', {}, 'not_registered'],
    ['during a call', { registration: registered, calls: [newCall('c', 'incoming', '102', null, 0)] }, 'call_in_progress'],
  ])('%s', (_, patch, failure) => {
    expect(queueCallPrecheck({ ...initialSnapshot, ...patch })?.failure ?? null).toBe(failure);
  });
});
