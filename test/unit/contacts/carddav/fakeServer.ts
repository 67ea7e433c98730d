import type { DavAnswer, DavRequest, DavTransport } from '../../../../src/contacts/carddav/transport';

export const ORIGIN = 'https://dav.example.com';
export const BOOK = `${ORIGIN}/alice/contacts/`;

const ms = (inner: string, token?: string) =>
  `<?xml version="1.0"?><d:multistatus xmlns:d="DAV:" xmlns:card="urn:ietf:params:xml:ns:carddav">${inner}${token === undefined ? '' : `<d:sync-token>${token}</d:sync-token>`}</d:multistatus>`;
const ok = (props: string) => `<d:propstat><d:prop>${props}</d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat>`;

export interface Behaviour {
  /** Answer every sync-collection with a 507 for the collection and a fresh token: it never ends. */
  endlessTruncation?: boolean;
  /** Answer every sync-collection with 507 and the same token. */
  stuckToken?: boolean;
  /** No sync-collection at all (405): ctag and ETags only. */
  noSyncCollection?: boolean;
  /** Cards per sync-collection answer before truncating with 507. */
  pageSize?: number;
}

/** A CardDAV server in memory with one address book, good enough to drive the sync logic through its states. */
export class FakeServer {
  readonly cards = new Map<string, { etag: string; vcard: string }>();
  /** Every change in order: the href and the version it happened at. */
  private readonly log: { path: string; version: number }[] = [];
  private version = 0;
  /** Tokens name the epoch they were issued in; forgetTokens() starts a new one. */
  private epoch = 0;
  readonly requests: DavRequest[] = [];
  behaviour: Behaviour = {};

  put(name: string, vcard: string): void {
    this.version += 1;
    this.cards.set(`/alice/contacts/${name}.vcf`, { etag: `"${this.version}"`, vcard });
    this.log.push({ path: `/alice/contacts/${name}.vcf`, version: this.version });
  }

  remove(name: string): void {
    this.version += 1;
    this.cards.delete(`/alice/contacts/${name}.vcf`);
    this.log.push({ path: `/alice/contacts/${name}.vcf`, version: this.version });
  }

  /** Forgets every token issued so far (as after a server reset): they get 403 valid-sync-token. */
  forgetTokens(): void {
    this.epoch += 1;
  }

  /** Cards asked for by addressbook-multiget since request `since`. */
  fetched(since = 0): string[] {
    return this.requests
      .slice(since)
      .flatMap((r) => (r.body.includes('addressbook-multiget') ? [...r.body.matchAll(/<d:href>([^<]*)<\/d:href>/g)].map((m) => m[1] ?? '') : []));
  }

  readonly transport: DavTransport = async (request) => {
    this.requests.push(request);
    return this.answer(request);
  };

  private answer(request: DavRequest): DavAnswer {
    const path = new URL(request.url).pathname;
    const reply = (status: number, body = '') => ({ status, url: request.url, body });
    if (request.method === 'PROPFIND') {
      if (path === '/.well-known/carddav' || path === '/')
        return reply(
          207,
          ms(`<d:response><d:href>${path}</d:href>${ok('<d:current-user-principal><d:href>/alice/</d:href></d:current-user-principal>')}</d:response>`),
        );
      if (path === '/alice/' && request.depth === '0')
        return reply(
          207,
          ms(`<d:response><d:href>/alice/</d:href>${ok('<card:addressbook-home-set><d:href>/alice/</d:href></card:addressbook-home-set>')}</d:response>`),
        );
      if (path === '/alice/')
        return reply(
          207,
          ms(
            `<d:response><d:href>/alice/</d:href>${ok('<d:resourcetype><d:collection/></d:resourcetype>')}</d:response><d:response><d:href>/alice/contacts/</d:href>${ok('<d:resourcetype><d:collection/><card:addressbook/></d:resourcetype><d:displayname>Contacts</d:displayname>')}</d:response>`,
          ),
        );
      if (path === '/alice/contacts/' && request.depth === '0')
        return reply(
          207,
          ms(
            `<d:response><d:href>/alice/contacts/</d:href>${ok(`<cs:getctag xmlns:cs="http://calendarserver.org/ns/">${this.version}</cs:getctag>`)}</d:response>`,
          ),
        );
      if (path === '/alice/contacts/') {
        const members = [...this.cards]
          .map(([href, c]) => `<d:response><d:href>${href}</d:href>${ok(`<d:resourcetype/><d:getetag>${c.etag}</d:getetag>`)}</d:response>`)
          .join('');
        return reply(
          207,
          ms(
            `<d:response><d:href>/alice/contacts/</d:href>${ok('<d:resourcetype><d:collection/><card:addressbook/></d:resourcetype>')}</d:response>${members}`,
          ),
        );
      }
      return reply(404);
    }
    if (request.body.includes('sync-collection')) return this.syncCollection(request);
    if (request.body.includes('addressbook-multiget')) {
      const hrefs = [...request.body.matchAll(/<d:href>([^<]*)<\/d:href>/g)].map((m) => m[1] ?? '');
      return reply(
        207,
        ms(
          hrefs
            .map((href) => {
              const card = this.cards.get(href);
              if (!card) return `<d:response><d:href>${href}</d:href><d:status>HTTP/1.1 404 Not Found</d:status></d:response>`;
              const data = card.vcard.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/\r/g, '&#13;');
              return `<d:response><d:href>${href}</d:href>${ok(`<d:getetag>${card.etag}</d:getetag><card:address-data>${data}</card:address-data>`)}</d:response>`;
            })
            .join(''),
        ),
      );
    }
    return reply(400);
  }

  private syncCollection(request: DavRequest): DavAnswer {
    const reply = (status: number, body = '') => ({ status, url: request.url, body });
    if (this.behaviour.noSyncCollection) return reply(405);
    const token = /<d:sync-token>([^<]*)<\/d:sync-token>/.exec(request.body)?.[1] ?? '';
    const truncated = `<d:response><d:href>/alice/contacts/</d:href><d:status>HTTP/1.1 507 Insufficient Storage</d:status></d:response>`;
    if (this.behaviour.stuckToken) return reply(207, ms(truncated, 'urn:stuck'));
    if (this.behaviour.endlessTruncation) return reply(207, ms(truncated, `urn:t:${Math.random()}`));
    let from = 0;
    if (token !== '') {
      const match = /^urn:v:(\d+):(\d+)$/.exec(token);
      if (!match || Number(match[2]) !== this.epoch) return reply(403, '<d:error xmlns:d="DAV:"><d:valid-sync-token/></d:error>');
      from = Number(match[1]);
    }
    const changed = [...new Map(this.log.filter((e) => e.version > from).map((e) => [e.path, e.version]))].sort((a, b) => a[1] - b[1]);
    const page = changed.slice(0, this.behaviour.pageSize ?? changed.length);
    const upTo = page.at(-1)?.[1] ?? this.version;
    const more = page.length < changed.length;
    const body = page
      .map(([path]) => {
        const card = this.cards.get(path);
        return card
          ? `<d:response><d:href>${path}</d:href>${ok(`<d:getetag>${card.etag}</d:getetag>`)}</d:response>`
          : `<d:response><d:href>${path}</d:href><d:status>HTTP/1.1 404 Not Found</d:status></d:response>`;
      })
      .join('');
    return reply(207, ms(body + (more ? truncated : ''), `urn:v:${more ? upTo : this.version}:${this.epoch}`));
  }
}

export function card(uid: string, name: string): string {
  return `BEGIN:VCARD\r\nVERSION:3.0\r\nUID:${uid}\r\nFN:${name}\r\nTEL:+3225551234\r\nEND:VCARD\r\n`;
}
