/**
 * RFC 4235 dialog-info documents, read by a small strict scanner: the service worker has no
 * DOMParser, and a NOTIFY body comes from the network. Anything unexpected (a huge body, broken
 * markup, an element we do not know where one we need should be) reads as null, never as a guess.
 */

export type DialogState = 'trying' | 'proceeding' | 'early' | 'confirmed' | 'terminated';
export type DialogDirection = 'initiator' | 'recipient';

export interface DialogInfoDialog {
  id: string;
  state: DialogState;
  direction: DialogDirection | null;
  callId: string | null;
  localTag: string | null;
  remoteTag: string | null;
}

export interface DialogInfo {
  entity: string;
  version: number;
  /** `full`: the document lists every dialog; `partial`: only those that changed. */
  full: boolean;
  dialogs: DialogInfoDialog[];
}

/** Bigger than any honest document about one extension's few calls. */
export const MAX_DIALOG_INFO_BYTES = 16_384;
const MAX_DIALOGS = 32;
const STATES = new Set<string>(['trying', 'proceeding', 'early', 'confirmed', 'terminated']);

interface Element {
  name: string;
  attributes: Map<string, string>;
  children: Element[];
  text: string;
}

const NAME = /^[A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?$/;
const ATTRIBUTE = /\s*([A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/y;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string): string | null {
  let bad = false;
  const out = text.replace(/&([a-z]+|#\d{1,6}|#x[0-9a-fA-F]{1,6});|&/g, (whole, entity?: string) => {
    if (entity === undefined) {
      bad = true;
      return whole;
    }
    if (entity.startsWith('#x')) return String.fromCodePoint(Math.min(Number.parseInt(entity.slice(2), 16), 0x10ffff));
    if (entity.startsWith('#')) return String.fromCodePoint(Math.min(Number(entity.slice(1)), 0x10ffff));
    const known = ENTITIES[entity];
    if (known === undefined) bad = true;
    return known ?? whole;
  });
  return bad ? null : out;
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

function parseAttributes(source: string): Map<string, string> | null {
  const attributes = new Map<string, string>();
  ATTRIBUTE.lastIndex = 0;
  let at = 0;
  while (at < source.length) {
    if (/^\s*$/.test(source.slice(at))) break;
    ATTRIBUTE.lastIndex = at;
    const match = ATTRIBUTE.exec(source);
    if (!match) return null;
    const value = decode(match[2] ?? match[3] ?? '');
    if (value === null || attributes.has(match[1]!)) return null;
    attributes.set(match[1]!, value);
    at = ATTRIBUTE.lastIndex;
  }
  return attributes;
}

/** A well-formed XML element tree (no DTD, no CDATA needed here), or null. */
function parseXml(body: string): Element | null {
  let text = body.replace(/^\uFEFF/, '');
  text = text.replace(/^\s*<\?xml[^?]*\?>/, '');
  const root: Element = { name: '', attributes: new Map(), children: [], text: '' };
  const stack: Element[] = [root];
  const tag = /<(\/?)([^\s/>]+)([^>]*?)(\/?)>|<!--[\s\S]*?-->/g;
  let last = 0;
  for (let match = tag.exec(text); match !== null; match = tag.exec(text)) {
    const between = text.slice(last, match.index);
    if (between.includes('<') || between.includes('>')) return null;
    const top = stack[stack.length - 1]!;
    const decoded = decode(between);
    if (decoded === null) return null;
    if (top === root && decoded.trim() !== '') return null;
    top.text += decoded;
    last = tag.lastIndex;
    if (match[0].startsWith('<!--')) continue;
    const [, closing, name, rest, selfClosing] = match as unknown as [string, string, string, string, string];
    if (!NAME.test(name) || name.startsWith('!') || name.startsWith('?')) return null;
    if (closing) {
      if (rest.trim() !== '' || selfClosing || stack.length === 1 || top.name !== name) return null;
      stack.pop();
      continue;
    }
    const attributes = parseAttributes(rest);
    if (attributes === null) return null;
    const element: Element = { name, attributes, children: [], text: '' };
    if (top === root && root.children.length > 0) return null;
    top.children.push(element);
    if (!selfClosing) stack.push(element);
    if (stack.length > 16) return null;
  }
  const tail = text.slice(last);
  if (stack.length !== 1 || tail.trim() !== '' || root.children.length !== 1) return null;
  return root.children[0]!;
}

function child(element: Element, name: string): Element | undefined {
  return element.children.find((c) => localName(c.name) === name);
}

function parseDialog(element: Element): DialogInfoDialog | null {
  const id = element.attributes.get('id');
  const stateText = child(element, 'state')?.text.trim();
  if (!id || stateText === undefined || !STATES.has(stateText)) return null;
  const direction = element.attributes.get('direction') ?? null;
  if (direction !== null && direction !== 'initiator' && direction !== 'recipient') return null;
  return {
    id,
    state: stateText as DialogState,
    direction,
    callId: element.attributes.get('call-id') ?? null,
    localTag: element.attributes.get('local-tag') ?? null,
    remoteTag: element.attributes.get('remote-tag') ?? null,
  };
}

/** Reads a dialog-info body; null when it is not one we can trust (see the file comment). */
export function parseDialogInfo(body: string): DialogInfo | null {
  if (body.length > MAX_DIALOG_INFO_BYTES) return null;
  const root = parseXml(body);
  if (root === null || localName(root.name) !== 'dialog-info') return null;
  const entity = root.attributes.get('entity');
  const versionText = root.attributes.get('version');
  const state = root.attributes.get('state');
  if (!entity || versionText === undefined || !/^\d{1,10}$/.test(versionText) || (state !== 'full' && state !== 'partial')) return null;
  const dialogs: DialogInfoDialog[] = [];
  for (const element of root.children) {
    if (localName(element.name) !== 'dialog') continue;
    const dialog = parseDialog(element);
    if (dialog === null) return null;
    dialogs.push(dialog);
    if (dialogs.length > MAX_DIALOGS) return null;
  }
  return { entity, version: Number(versionText), full: state === 'full', dialogs };
}

/** RFC 3856 presence (PIDF) fallback: only the tuple's basic status, open or closed. */
export function parsePidfBasic(body: string): 'open' | 'closed' | null {
  if (body.length > MAX_DIALOG_INFO_BYTES) return null;
  const root = parseXml(body);
  if (root === null || localName(root.name) !== 'presence') return null;
  let open = false;
  let any = false;
  for (const tuple of root.children.filter((c) => localName(c.name) === 'tuple')) {
    const basic = child(child(tuple, 'status') ?? tuple, 'basic')?.text.trim();
    if (basic === 'open') open = true;
    if (basic === 'open' || basic === 'closed') any = true;
  }
  return any ? (open ? 'open' : 'closed') : null;
}
