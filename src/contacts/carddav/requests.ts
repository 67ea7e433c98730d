import { escapeXml } from './xml';

/** The XML bodies this client sends (RFC 4918 PROPFIND, RFC 6352 REPORTs, RFC 6578 sync-collection). */

const head = '<?xml version="1.0" encoding="utf-8"?>';
const namespaces = 'xmlns:d="DAV:" xmlns:card="urn:ietf:params:xml:ns:carddav" xmlns:cs="http://calendarserver.org/ns/"';

/** Where a URL leads: an address book itself, a home, or a principal with its home. */
export const discoveryPropfind = `${head}<d:propfind ${namespaces}><d:prop><d:resourcetype/><d:displayname/><d:current-user-principal/><card:addressbook-home-set/><cs:getctag/><d:sync-token/></d:prop></d:propfind>`;

/** The collections of a home (Depth 1): no version stamps, which a server may take long to work out for every collection. */
export const collectionsPropfind = `${head}<d:propfind ${namespaces}><d:prop><d:resourcetype/><d:displayname/></d:prop></d:propfind>`;

/** An address book's version stamps (Depth 0). */
export const stampsPropfind = `${head}<d:propfind ${namespaces}><d:prop><cs:getctag/><d:sync-token/></d:prop></d:propfind>`;

/** Every card's ETag (Depth 1), for servers without sync-collection. */
export const etagsPropfind = `${head}<d:propfind ${namespaces}><d:prop><d:resourcetype/><d:getetag/></d:prop></d:propfind>`;

/** What changed since `token` (every member when token is empty): hrefs and ETags, cards fetched apart. */
export function syncCollection(token: string): string {
  return `${head}<d:sync-collection ${namespaces}><d:sync-token>${escapeXml(token)}</d:sync-token><d:sync-level>1</d:sync-level><d:prop><d:getetag/></d:prop></d:sync-collection>`;
}

/** The cards at `paths` (each an absolute path on the server), with their ETags. */
export function addressBookMultiget(paths: readonly string[]): string {
  const hrefs = paths.map((p) => `<d:href>${escapeXml(p)}</d:href>`).join('');
  return `${head}<card:addressbook-multiget ${namespaces}><d:prop><d:getetag/><card:address-data/></d:prop>${hrefs}</card:addressbook-multiget>`;
}
