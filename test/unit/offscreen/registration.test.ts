import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { CREDENTIALS_RETRY_MS } from '../../../src/calls/registrationRetry';
import type { RegistrationSnapshot } from '../../../src/calls/snapshot';
import { KEEPALIVE_ANSWER_MS, KEEPALIVE_INTERVAL_MS } from '../../../src/offscreen/keepalive';
import { Registration } from '../../../src/offscreen/registration';
import { account, identity, type RegisterAnswer, ScriptedRegistrar } from './scriptedRegistrar';

// The softphone's registration over a scripted socket, in fake time: JsSIP's own REGISTER, refresh,
// digest and transaction code runs as in the browser, against a registrar that answers as told.

function start(script?: (n: number) => RegisterAnswer) {
  const registrar = new ScriptedRegistrar(script);
  const states: Omit<RegistrationSnapshot, 'account'>[] = [];
  let lost = 0;
  const registration = new Registration(
    account,
    identity,
    { state: (s) => states.push(s), incoming: () => undefined, voicemail: () => undefined, connectionLost: () => lost++ },
    registrar.socket,
    () => 0.5,
  );
  registration.start();
  return { registrar, registration, states, lost: () => lost, last: () => states.at(-1) };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('registration over a scripted registrar', () => {
  test("registers with the account's one Contact and +sip.instance", async () => {
    const { registrar, registration, last } = start();
    await vi.advanceTimersByTimeAsync(100);
    expect(last()?.state).toBe('registered');
    const register = registrar.registersOn(1)[0]!.text;
    expect(register).toContain(`<${identity.contactUri}>`);
    expect(register).toContain(`+sip.instance="<urn:uuid:${identity.instanceId}>"`);
    expect(register).toContain('reg-id=1');
    registration.stop();
  });

  test('a REGISTER refused with 503 and Retry-After is sent again when the PBX said, not before', async () => {
    const { registrar, registration, states, last } = start((n) =>
      n === 1 ? { status: 503, reason: 'Service Unavailable', headers: ['Retry-After: 30'] } : { status: 200, reason: 'OK' },
    );
    await vi.advanceTimersByTimeAsync(100);
    expect(last()).toMatchObject({ state: 'failed', error: { code: 'registration_refused', params: ['503', 'Service Unavailable'] } });
    await vi.advanceTimersByTimeAsync(29_000);
    expect(registrar.registersOn(1)).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(registrar.registersOn(1)).toHaveLength(2);
    expect(last()?.state).toBe('registered');
    expect(states.map((s) => s.state)).toEqual(['connecting', 'registering', 'failed', 'registered']);
    registration.stop();
  });

  test('a refused refresh is retried too: the softphone does not quietly fall out of registration', async () => {
    // JsSIP refreshes a 600 s registration after 300 to 584 s.
    const { registrar, registration, last } = start((n) => (n === 2 ? { status: 500, reason: 'Server Internal Error' } : { status: 200, reason: 'OK' }));
    await vi.advanceTimersByTimeAsync(600_000);
    expect(registrar.registersOn(1).length).toBeGreaterThanOrEqual(3);
    expect(last()?.state).toBe('registered');
    registration.stop();
  });

  test('wrong credentials are tried again only after ten minutes, whatever happens', async () => {
    const challenge: RegisterAnswer = {
      status: 401,
      reason: 'Unauthorized',
      headers: ['WWW-Authenticate: Digest realm="pbx.test", nonce="abc", algorithm=MD5, qop="auth"'],
    };
    const { registrar, registration, last } = start(() => challenge);
    await vi.advanceTimersByTimeAsync(100);
    expect(last()).toMatchObject({ state: 'failed', error: { code: 'auth_failed' } });
    const afterFailure = registrar.registersOn(1).length;
    await vi.advanceTimersByTimeAsync(CREDENTIALS_RETRY_MS - 1000);
    expect(registrar.registersOn(1)).toHaveLength(afterFailure);
    await vi.advanceTimersByTimeAsync(2000);
    expect(registrar.registersOn(1).length).toBeGreaterThan(afterFailure);
    registration.stop();
  });

  test('a connection that stops answering is given up within 25 s, and a new one registers with the same Contact', async () => {
    const { registrar, registration, last, lost } = start();
    await vi.advanceTimersByTimeAsync(100);
    registrar.silenceOpenConnections();
    await vi.advanceTimersByTimeAsync(KEEPALIVE_INTERVAL_MS + KEEPALIVE_ANSWER_MS);
    expect(lost()).toBe(1);
    expect(last()).toMatchObject({ state: 'connecting', error: { code: 'unreachable' } });
    await vi.advanceTimersByTimeAsync(2000);
    expect(registrar.connectionCount).toBe(2);
    expect(last()?.state).toBe('registered');
    const contactOf = (connection: number) => /^Contact: (.*)$/m.exec(registrar.registersOn(connection)[0]!.text)?.[1];
    expect(contactOf(2)).toBe(contactOf(1));
    // The dead connection was not unregistered: that would remove the binding the new one made.
    expect(registrar.registersOn(1).some((r) => /expires=0/.test(r.text))).toBe(false);
    registration.stop();
  });

  test('a registrar that never answers: the REGISTER times out and is tried again on the backoff', async () => {
    const { registrar, registration, last } = start((n) => (n === 1 ? 'silence' : { status: 200, reason: 'OK' }));
    // The keepalive's ping is answered, so the connection is alive: only the REGISTER went unanswered.
    await vi.advanceTimersByTimeAsync(33_000);
    expect(last()).toMatchObject({ state: expect.stringMatching(/failed|registered/) });
    await vi.advanceTimersByTimeAsync(2000);
    expect(last()?.state).toBe('registered');
    expect(registrar.connectionCount).toBe(1);
    registration.stop();
  });
});
