import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the CRM answers for a number: a status and JSON body, after a delay if given. */
export interface CrmAnswer {
  status: number;
  body: unknown;
  delayMs?: number;
}

/** A CRM lookup service on loopback: `GET /lookup?number=…` answered by `answer`, every question kept. */
export class TestCrm {
  readonly asked: string[] = [];
  /** When each number was first asked about (Date.now()). */
  readonly askedAt = new Map<string, number>();
  private server: Server | null = null;
  port = 0;

  constructor(private readonly answer: (number: string, crm: TestCrm) => CrmAnswer) {}

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const number = new URL(req.url ?? '/', 'http://x').searchParams.get('number') ?? '';
      this.asked.push(number);
      if (!this.askedAt.has(number)) this.askedAt.set(number, Date.now());
      const { status, body, delayMs = 0 } = this.answer(number, this);
      setTimeout(() => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body)), delayMs);
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  /** The lookup URL template that asks this CRM. */
  get url(): string {
    return `http://127.0.0.1:${this.port}/lookup?number={e164}`;
  }

  stop(): Promise<void> {
    const server = this.server;
    if (server === null) return Promise.resolve();
    server.closeAllConnections();
    return new Promise((resolve) => server.close(() => resolve()));
  }
}
