/**
 * One SIP identity per account (RFC 5626): the same +sip.instance and Contact on every connection,
 * so a REGISTER after a reconnection replaces the old binding instead of adding a second device,
 * which a PBX allowing one contact per account would refuse while calls go to the dead one.
 */
export interface SipIdentity {
  /** A UUID, made once per account and kept. */
  instanceId: string;
  /** The Contact URI derived from it. */
  contactUri: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function isInstanceId(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** The identity of an instance id: its Contact is a stable, meaningless `.invalid` address (RFC 7118). */
export function sipIdentity(instanceId: string): SipIdentity {
  const hex = instanceId.replaceAll('-', '');
  return { instanceId, contactUri: `sip:${hex.slice(0, 12)}@${hex.slice(12, 24)}.invalid;transport=ws` };
}
