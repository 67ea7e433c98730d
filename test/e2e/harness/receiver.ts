import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { CallRecord } from '../../../src/aftercall/callRecord';

/**
 * How the receiver answers the next request: `ok` (200), `status` (that status, with a
 * Retry-After if given), `slow` (answers 200 after `delayMs`), `crash` (stores the record, then
 * drops the connection without answering: a receiver restarting mid-delivery).
 */
export type ReceiverAnswer = { kind: 'ok' } | { kind: 'status'; status: number; retryAfter?: string } | { kind: 'slow'; delayMs: number } | { kind: 'crash' };

export interface ReceivedRequest {
  at: number;
  key: string | null;
  body: CallRecord;
  /** The status answered; `dropped`: cut without an answer; `late`: answered after the sender gave up. */
  answered: number | 'dropped' | 'late' | 'waiting';
}

/**
 * A CRM's webhook on loopback, as a test needs one: it keeps each record once by its
 * Idempotency-Key (a repeated key is answered 200 and counted, not stored again), can be taken
 * down and brought back on the same port, and answers as the test scripts it.
 */
export class WebhookReceiver {
  readonly requests: ReceivedRequest[] = [];
  /** Each record kept, by idempotency key, in arrival order. */
  readonly stored = new Map<string, CallRecord>();
  /** Answers for the coming requests, in order; once used up, `ok`. */
  readonly script: ReceiverAnswer[] = [];
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  private constructor(public port: number) {}

  static async start(): Promise<WebhookReceiver> {
    const receiver = new WebhookReceiver(0);
    await receiver.up();
    return receiver;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/hooks/calls`;
  }

  get isUp(): boolean {
    return this.server !== null;
  }

  /** Listens (again, on the same port after down()). */
  async up(): Promise<void> {
    const server = createServer((req, res) => void this.handle(req, res));
    server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  /** Stops listening and cuts every connection: the receiver is down. */
  async down(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    for (const socket of this.sockets) socket.destroy();
    await new Promise((resolve) => server.close(resolve));
  }

  /** Records stored for a call, by version. */
  recordsOf(callId: string): CallRecord[] {
    return [...this.stored.values()].filter((r) => r.callId === callId).sort((a, b) => a.version - b.version);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const key = typeof req.headers['idempotency-key'] === 'string' ? req.headers['idempotency-key'] : null;
    let body: CallRecord;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as CallRecord;
    } catch {
      res.writeHead(400).end();
      return;
    }
    const entry: ReceivedRequest = { at: Date.now(), key, body, answered: 'waiting' };
    this.requests.push(entry);
    const answer = this.script.shift() ?? { kind: 'ok' };
    if (answer.kind === 'status') {
      entry.answered = answer.status;
      res.writeHead(answer.status, answer.retryAfter ? { 'Retry-After': answer.retryAfter } : {}).end();
      return;
    }
    const keep = (): void => {
      if (key !== null && !this.stored.has(key)) this.stored.set(key, body);
    };
    if (answer.kind === 'crash') {
      keep();
      entry.answered = 'dropped';
      req.socket.destroy();
      return;
    }
    if (answer.kind === 'slow') {
      await new Promise((resolve) => setTimeout(resolve, answer.delayMs));
      if (res.destroyed || req.socket.destroyed) {
        entry.answered = 'late';
        keep();
        return;
      }
    }
    keep();
    entry.answered = 200;
    res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"ok":true}');
  }
}
