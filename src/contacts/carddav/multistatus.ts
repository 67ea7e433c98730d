import { garbage } from './errors';
import { CALENDARSERVER, CARDDAV, child, children, DAV, parseXml, type XmlElement, type XmlLimits } from './xml';

/** The properties this client asks for, as found in one response of a multistatus (only those with a 2xx propstat). */
export interface DavProperties {
  resourceTypes: string[];
  displayName?: string;
  etag?: string;
  ctag?: string;
  syncToken?: string;
  currentUserPrincipal?: string;
  addressBookHomeSet?: string;
  addressData?: string;
}

export interface DavResponse {
  /** Resolved against the request's URL: an absolute URL. */
  href: string;
  /** The response's own status (a sync-collection's 404 for a deleted card), when it has one. */
  status?: number;
  properties: DavProperties;
}

export interface Multistatus {
  responses: DavResponse[];
  /** A sync-collection REPORT's new token. */
  syncToken?: string;
}

/** "HTTP/1.1 404 Not Found" → 404; anything else → undefined. */
export function statusCode(line: string): number | undefined {
  const match = /^\s*HTTP\/\d(?:\.\d)?\s+(\d{3})\b/.exec(line);
  return match ? Number(match[1]) : undefined;
}

function hrefIn(element: XmlElement | undefined, base: string): string | undefined {
  const href = element && child(element, DAV, 'href');
  return href ? resolveHref(href.text, base) : undefined;
}

/** An href of the answer as an absolute URL, on the request's origin only (a server may not send us elsewhere with our password). */
export function resolveHref(href: string, base: string): string {
  let url: URL;
  try {
    url = new URL(href.trim(), base);
  } catch {
    garbage(`an href that is not a URL: ${href}`);
  }
  if (url.origin !== new URL(base).origin) garbage(`an href on another server: ${url.origin}`);
  url.hash = '';
  return url.href;
}

function readProperties(prop: XmlElement, base: string, into: DavProperties): void {
  for (const p of prop.children) {
    if (p.ns === DAV && p.name === 'resourcetype') into.resourceTypes = p.children.map((t) => `${t.ns}${t.name}`);
    else if (p.ns === DAV && p.name === 'displayname') into.displayName = p.text.trim();
    else if (p.ns === DAV && p.name === 'getetag') into.etag = p.text.trim();
    else if (p.ns === DAV && p.name === 'sync-token') into.syncToken = p.text.trim();
    else if (p.ns === CALENDARSERVER && p.name === 'getctag') into.ctag = p.text.trim();
    else if (p.ns === DAV && p.name === 'current-user-principal') into.currentUserPrincipal = hrefIn(p, base);
    else if (p.ns === CARDDAV && p.name === 'addressbook-home-set') into.addressBookHomeSet = hrefIn(p, base);
    else if (p.ns === CARDDAV && p.name === 'address-data') into.addressData = p.text;
  }
}

/** Reads a 207 Multi-Status body; anything that is not one throws a CardDavFailure ('garbage'). */
export function parseMultistatus(text: string, base: string, limits?: XmlLimits): Multistatus {
  const root = parseXml(text, limits);
  if (root.ns !== DAV || root.name !== 'multistatus') garbage(`a <${root.name}> where a DAV multistatus was expected`);
  const responses: DavResponse[] = [];
  for (const response of children(root, DAV, 'response')) {
    const hrefs = children(response, DAV, 'href');
    if (hrefs.length === 0) garbage('a response without href');
    const ownStatus = child(response, DAV, 'status');
    const properties: DavProperties = { resourceTypes: [] };
    for (const propstat of children(response, DAV, 'propstat')) {
      const status = statusCode(child(propstat, DAV, 'status')?.text ?? '');
      const prop = child(propstat, DAV, 'prop');
      if (prop && status !== undefined && status >= 200 && status < 300) readProperties(prop, base, properties);
    }
    const status = ownStatus ? statusCode(ownStatus.text) : undefined;
    // RFC 4918 lets one response with a status name several hrefs.
    for (const href of hrefs) responses.push({ href: resolveHref(href.text, base), ...(status !== undefined ? { status } : {}), properties });
  }
  const token = child(root, DAV, 'sync-token')?.text.trim();
  return { responses, ...(token ? { syncToken: token } : {}) };
}

export function isAddressBook(properties: DavProperties): boolean {
  return properties.resourceTypes.includes(`${CARDDAV}addressbook`);
}
