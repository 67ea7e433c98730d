import type { RequestPayload } from '../protocol/api';
import { request } from '../protocol/client';
import type { softphoneRequests } from '../protocol/softphone';

type SoftphoneRequest = keyof typeof softphoneRequests;
type Payload<K extends SoftphoneRequest> = RequestPayload<'background', K>;

/**
 * The softphone requests a call view sends about one call, each with the order its payload's
 * fields are passed in. The commands' types come from the schemas: `setMuted(callId, muted)`
 * takes the schema's callId and muted.
 */
const COMMANDS = {
  answer: ['callId'],
  decline: ['callId'],
  hangup: ['callId'],
  setMuted: ['callId', 'muted'],
  setHeld: ['callId', 'held'],
  switchTo: ['callId'],
  sendDtmf: ['callId', 'tones'],
  transfer: ['callId', 'target'],
  consult: ['callId', 'target'],
  completeTransfer: ['callId', 'consultCallId'],
  merge: ['callId', 'otherCallId'],
  split: ['callId'],
} as const satisfies { [K in SoftphoneRequest]?: readonly (keyof Payload<K>)[] };

type CallCommand = keyof typeof COMMANDS;
type FieldTypes<P, Names extends readonly unknown[]> = { -readonly [I in keyof Names]: P[Names[I] & keyof P] };
/** The command's arguments, typed by its schema; none at all (a compile error where it is called) if a field is not named above. */
type Arguments<K extends CallCommand> = [Exclude<keyof Payload<K>, (typeof COMMANDS)[K][number]>] extends [never]
  ? FieldTypes<Payload<K>, (typeof COMMANDS)[K]>
  : never;

/** What the call views can ask of the softphone; failures come back through the snapshot's lastError. */
export type CallCommands = { [K in CallCommand]: (...args: Arguments<K>) => void };

function command<K extends CallCommand>(type: K): CallCommands[K] {
  const names: readonly string[] = COMMANDS[type];
  return (...args: unknown[]) => {
    const payload = Object.fromEntries(names.map((name, i) => [name, args[i]])) as Payload<K>;
    void request('background', type, payload).catch(() => undefined);
  };
}

export const callCommands = Object.fromEntries(Object.keys(COMMANDS).map((type) => [type, command(type as CallCommand)])) as CallCommands;
