import type { Socket } from 'jssip';
import { sipIdentity } from '../../../src/calls/sipIdentity';
import type { AccountSettings } from '../../../src/settings';

/** The account the scripted registrar's tests register with, and its one SIP identity. */
export const account: AccountSettings = {
  username: '101',
  password: 'secret',
  domain: 'pbx.test',
  websocketUrl: 'wss://pbx.test',
  displayName: '',
  iceServers: [],
  enabled: true,
};
export const identity = sipIdentity('3f2a9c1e-0b7d-4e55-9a10-6c2d8e4f1a2b');

/** What the registrar answers to the n-th REGISTER it sees (1 = the first), or 'silence'. */
export type RegisterAnswer = { status: number; reason: string; headers?: string[] } | 'silence';

export interface SeenRequest {
  method: string;
  text: string;
  /** Which connection (socket) it came over: 1, 2, … */
  connection: number;
}

/**
 * A registrar in the test process: every socket it makes is one connection, over which it answers
 * REGISTERs as scripted (200 OK by default, echoing the Contact), OPTIONS as told (200 by default)
 * unless told to go silent, and SUBSCRIBEs with 489. It keeps every request it saw, per connection.
 */
export class ScriptedRegistrar {
  readonly seen: SeenRequest[] = [];
  private registers = 0;
  private connections = 0;
  /** While true, nothing more is answered on the connections open now (a half-open connection). */
  private silentUpTo = 0;

  constructor(
    private readonly script: (n: number) => RegisterAnswer = () => ({ status: 200, reason: 'OK' }),
    /** How OPTIONS (the keepalive's ping) are answered. */
    private readonly optionsAnswer: { status: number; reason: string } = { status: 200, reason: 'OK' },
  ) {}

  get connectionCount(): number {
    return this.connections;
  }

  /** Every connection opened so far stops answering, as one whose path went dead. */
  silenceOpenConnections(): void {
    this.silentUpTo = this.connections;
  }

  registersOn(connection: number): SeenRequest[] {
    return this.seen.filter((r) => r.method === 'REGISTER' && r.connection === connection);
  }

  /** Sends `message` to the phone over connection `connection` (as the PBX would, e.g. an INVITE). */
  deliver(connection: number, message: string): void {
    this.deliverers.get(connection)?.(message);
  }

  private readonly deliverers = new Map<number, (message: string) => void>();

  socket = (url: string): Socket => {
    const registrar = this;
    const connection = ++this.connections;
    let connected = false;
    this.deliverers.set(connection, (message) => connected && socket.ondata(message));
    const socket = {
      via_transport: 'WS',
      url,
      sip_uri: 'sip:registrar.test;transport=ws',
      connect() {
        setTimeout(() => {
          connected = true;
          socket.onconnect();
        }, 0);
      },
      disconnect() {
        connected = false;
      },
      send(message: string) {
        if (!connected) return false;
        registrar.receive(connection, String(message), (reply) => setTimeout(() => connected && socket.ondata(reply), 1));
        return true;
      },
      isConnected: () => connected,
      isConnecting: () => false,
      onconnect() {},
      ondisconnect() {},
      ondata(_data: string) {},
    };
    return socket as unknown as Socket;
  };

  private receive(connection: number, text: string, reply: (message: string) => void): void {
    const method = /^([A-Z]+) /.exec(text)?.[1];
    if (!method) return;
    this.seen.push({ method, text, connection });
    if (connection <= this.silentUpTo) return;
    if (method === 'REGISTER') {
      const answer = this.script(++this.registers);
      if (answer === 'silence') return;
      const contact = answer.status === 200 ? [`Contact: ${header(text, 'Contact').replace(/;expires=\d+/, '')};expires=600`] : [];
      reply(response(text, answer.status, answer.reason, [...contact, ...(answer.headers ?? [])]));
    } else if (method === 'OPTIONS') {
      reply(response(text, this.optionsAnswer.status, this.optionsAnswer.reason));
    } else if (method === 'SUBSCRIBE') {
      reply(response(text, 489, 'Bad Event'));
    }
  }
}

function header(request: string, name: string): string {
  return new RegExp(`^${name}: (.*)$`, 'mi').exec(request)?.[1]?.trim() ?? '';
}

function response(request: string, status: number, reason: string, extra: string[] = []): string {
  const lines = [
    `SIP/2.0 ${status} ${reason}`,
    `Via: ${header(request, 'Via')}`,
    `From: ${header(request, 'From')}`,
    `To: ${header(request, 'To')};tag=registrar`,
    `Call-ID: ${header(request, 'Call-ID')}`,
    `CSeq: ${header(request, 'CSeq')}`,
    ...extra,
    'Content-Length: 0',
  ];
  return `${lines.join('\r\n')}\r\n\r\n`;
}
