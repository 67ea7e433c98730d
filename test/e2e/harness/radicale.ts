import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../pbx/ports';
import { Daemon, waitUntil } from '../../pbx/process';

/** A request the CardDAV server received, as the recording proxy in front of it saw it. */
export interface RecordedRequest {
  at: number;
  method: string;
  path: string;
  body: string;
  status: number;
}

export interface RadicaleOptions {
  /** username → password (Radicale's plain htpasswd: no extra package needed). */
  users?: Record<string, string>;
}

/**
 * A real CardDAV server for the tests: Debian's Radicale on a loopback port, with htpasswd
 * authentication and a storage folder of its own, started and stopped (by PID) by the test. The
 * browser talks to it through a small recording proxy, so a test can count what was fetched
 * (e.g. how many cards an incremental sync asked for).
 */
export class TestRadicale {
  readonly requests: RecordedRequest[] = [];
  private daemon: Daemon | null = null;
  private proxy: Server | null = null;

  private constructor(
    private readonly dir: string,
    private readonly radicalePort: number,
    readonly port: number,
    private readonly users: Record<string, string>,
  ) {}

  static async start(options: RadicaleOptions = {}): Promise<TestRadicale> {
    const dir = mkdtempSync(join(tmpdir(), 'voip-radicale-'));
    const users = options.users ?? { alice: 'alice-password' };
    const server = new TestRadicale(dir, await freePort(), await freePort(), { ...users });
    server.writeUsers();
    await server.startDaemon();
    await server.startProxy();
    return server;
  }

  private writeUsers(): void {
    writeFileSync(
      join(this.dir, 'users'),
      Object.entries(this.users)
        .map(([user, password]) => `${user}:${password}\n`)
        .join(''),
    );
  }

  /** Changes a user's password on the server (Radicale reads its htpasswd file at every login). */
  setPassword(user: string, password: string): void {
    this.users[user] = password;
    this.writeUsers();
  }

  /** The server's bare URL, as an agent would type it. */
  get url(): string {
    return `http://127.0.0.1:${this.port}/`;
  }

  get origin(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get running(): boolean {
    return this.daemon?.running === true;
  }

  private async startDaemon(): Promise<void> {
    const config = join(this.dir, 'config');
    writeFileSync(
      config,
      [
        '[server]',
        `hosts = 127.0.0.1:${this.radicalePort}`,
        '[auth]',
        'type = htpasswd',
        `htpasswd_filename = ${join(this.dir, 'users')}`,
        'htpasswd_encryption = plain',
        'delay = 0',
        '[rights]',
        'type = owner_only',
        '[storage]',
        `filesystem_folder = ${join(this.dir, 'collections')}`,
        '[web]',
        'type = none',
        '[logging]',
        'level = info',
        'mask_passwords = True',
        '',
      ].join('\n'),
    );
    this.daemon = Daemon.start('radicale', 'radicale', ['--config', config]);
    await waitUntil(async () => (await this.raw('OPTIONS', '/', '', {})).status > 0 || !this.daemon?.running, 15_000, 'Radicale to listen');
    if (!this.daemon.running) throw new Error(`Radicale did not start:\n${this.daemon.lines.map((l) => l.text).join('\n')}`);
  }

  /** While set, the proxy answers every request with this status and body instead of Radicale's (a server gone wrong). */
  misbehave: { status: number; body: string } | null = null;

  private startProxy(): Promise<void> {
    this.proxy = createServer((incoming, outgoing) => {
      if (this.misbehave) {
        outgoing.writeHead(this.misbehave.status, { 'Content-Type': 'application/xml' });
        outgoing.end(this.misbehave.body);
        return;
      }
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('end', () => {
        const body = Buffer.concat(chunks);
        const forward = httpRequest(
          {
            host: '127.0.0.1',
            port: this.radicalePort,
            method: incoming.method,
            path: incoming.url,
            headers: { ...incoming.headers, host: `127.0.0.1:${this.port}` },
          },
          (answer) => {
            this.requests.push({
              at: Date.now(),
              method: incoming.method ?? '',
              path: incoming.url ?? '',
              body: body.toString('utf8'),
              status: answer.statusCode ?? 0,
            });
            outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(outgoing);
          },
        );
        forward.on('error', () => {
          outgoing.destroy();
        });
        forward.end(body);
      });
    });
    return new Promise((resolve) => this.proxy?.listen(this.port, '127.0.0.1', resolve));
  }

  /** A request straight to Radicale (not recorded): how the test changes the server's content. */
  private raw(method: string, path: string, body: string, headers: Record<string, string>, user?: string): Promise<{ status: number; body: string }> {
    const auth = user ? { Authorization: `Basic ${Buffer.from(`${user}:${this.users[user]}`).toString('base64')}` } : {};
    return new Promise((resolve) => {
      const req = httpRequest({ host: '127.0.0.1', port: this.radicalePort, method, path, headers: { ...headers, ...auth } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      });
      req.on('error', () => resolve({ status: 0, body: '' }));
      req.end(body);
    });
  }

  private async expectOk(what: string, answer: Promise<{ status: number; body: string }>): Promise<void> {
    const { status, body } = await answer;
    if (status < 200 || status >= 300) throw new Error(`${what}: ${status} ${body}`);
  }

  /** Creates the address book `/user/book/` (extended MKCOL, RFC 5689). */
  async createAddressBook(user: string, book: string, displayName = book): Promise<void> {
    const body = `<?xml version="1.0" encoding="utf-8"?><d:mkcol xmlns:d="DAV:" xmlns:card="urn:ietf:params:xml:ns:carddav"><d:set><d:prop><d:resourcetype><d:collection/><card:addressbook/></d:resourcetype><d:displayname>${displayName}</d:displayname></d:prop></d:set></d:mkcol>`;
    await this.expectOk(`MKCOL /${user}/${book}/`, this.raw('MKCOL', `/${user}/${book}/`, body, { 'Content-Type': 'application/xml' }, user));
  }

  /** Adds or replaces the card `uid` of an address book. */
  async putCard(user: string, book: string, uid: string, vcard: string): Promise<void> {
    await this.expectOk(`PUT ${uid}`, this.raw('PUT', `/${user}/${book}/${uid}.vcf`, vcard, { 'Content-Type': 'text/vcard; charset=utf-8' }, user));
  }

  async deleteCard(user: string, book: string, uid: string): Promise<void> {
    await this.expectOk(`DELETE ${uid}`, this.raw('DELETE', `/${user}/${book}/${uid}.vcf`, '', {}, user));
  }

  /** Many cards at once, as one upload of a whole address book (Radicale takes a PUT of the collection). */
  async putAddressBook(user: string, book: string, vcards: readonly string[]): Promise<void> {
    await this.expectOk(`PUT /${user}/${book}/`, this.raw('PUT', `/${user}/${book}/`, vcards.join(''), { 'Content-Type': 'text/vcard; charset=utf-8' }, user));
  }

  /**
   * Has Radicale read every card of an address book once, as a server that has been running has:
   * the first reading of a freshly uploaded book builds Radicale's cache (seconds for thousands of
   * cards), a cost of the upload, not of whoever asks first.
   */
  async warm(user: string, book: string): Promise<void> {
    const body = '<?xml version="1.0"?><d:propfind xmlns:d="DAV:"><d:prop><d:getetag/><d:sync-token/></d:prop></d:propfind>';
    await this.expectOk(`PROPFIND /${user}/${book}/`, this.raw('PROPFIND', `/${user}/${book}/`, body, { Depth: '1', 'Content-Type': 'application/xml' }, user));
  }

  /** The cards asked for by addressbook-multiget since `since` (request index), by path. */
  fetchedCards(since = 0): string[] {
    return this.requests
      .slice(since)
      .filter((r) => r.method === 'REPORT' && r.body.includes('addressbook-multiget'))
      .flatMap((r) => [...r.body.matchAll(/<d:href>([^<]*)<\/d:href>/g)].map((m) => m[1] ?? ''));
  }

  /** Stops the server (Radicale by its PID, then the proxy): the browser finds nothing listening. */
  async stop(): Promise<void> {
    await this.daemon?.stop();
    await new Promise<void>((resolve) => {
      if (!this.proxy) return resolve();
      this.proxy.closeAllConnections();
      this.proxy.close(() => resolve());
    });
    this.proxy = null;
  }

  /** Stops the server and removes its storage folder. */
  async remove(): Promise<void> {
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }

  log(): string {
    return this.daemon?.lines.map((l) => l.text).join('\n') ?? '';
  }
}

/** A vCard 3.0 with a name and a phone number. */
export function vcard(uid: string, name: string, phone: string): string {
  return `BEGIN:VCARD\r\nVERSION:3.0\r\nUID:${uid}\r\nFN:${name}\r\nN:${name};;;;\r\nTEL;TYPE=WORK:${phone}\r\nEND:VCARD\r\n`;
}
