import { SaxesParser } from 'saxes';
import { garbage } from './errors';

/**
 * A namespace-aware reading of an XML answer into a small tree. Service workers have no DOMParser,
 * so this uses saxes, a strict, streaming, dependency-free parser, and keeps only what WebDAV
 * needs: element names with their namespace, children and text.
 */
export interface XmlElement {
  readonly ns: string;
  readonly name: string;
  readonly children: XmlElement[];
  text: string;
}

export const DAV = 'DAV:';
export const CARDDAV = 'urn:ietf:params:xml:ns:carddav';
export const CALENDARSERVER = 'http://calendarserver.org/ns/';

export interface XmlLimits {
  /** Most elements in one document: past it the answer is refused, not read on. */
  maxElements: number;
  /** Deepest nesting: a multistatus is 6 deep; a document 1,000 deep is not WebDAV. */
  maxDepth: number;
}

export const defaultXmlLimits: XmlLimits = { maxElements: 2_000_000, maxDepth: 64 };

/** The document's root element; garbage (not well-formed, a DOCTYPE, past the limits) throws a CardDavFailure. */
export function parseXml(text: string, limits: XmlLimits = defaultXmlLimits): XmlElement {
  const parser = new SaxesParser({ xmlns: true, position: false });
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  let elements = 0;
  let failure: string | null = null;
  parser.on('error', (error) => {
    failure ??= error.message;
  });
  // An entity declared in a DTD could grow the text without bound; WebDAV never needs one.
  parser.on('doctype', () => {
    failure ??= 'a DOCTYPE';
  });
  parser.on('opentag', (tag) => {
    elements += 1;
    if (elements > limits.maxElements) failure ??= `more than ${limits.maxElements} elements`;
    if (stack.length >= limits.maxDepth) failure ??= `nested deeper than ${limits.maxDepth}`;
    const element: XmlElement = { ns: tag.uri ?? '', name: tag.local ?? tag.name, children: [], text: '' };
    const parent = stack.at(-1);
    if (parent) parent.children.push(element);
    else root ??= element;
    stack.push(element);
  });
  const onText = (text: string): void => {
    const current = stack.at(-1);
    if (current) current.text += text;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', () => {
    stack.pop();
  });
  // saxes goes on after an error; we stop reading at the first one, in slices, so garbage costs little.
  const slice = 1 << 16;
  for (let at = 0; at < text.length && failure === null; at += slice) parser.write(text.slice(at, at + slice));
  if (failure === null) parser.close();
  if (failure !== null) garbage(failure);
  if (root === null) garbage('no root element');
  return root;
}

export function child(element: XmlElement, ns: string, name: string): XmlElement | undefined {
  return element.children.find((c) => c.ns === ns && c.name === name);
}

export function children(element: XmlElement, ns: string, name: string): XmlElement[] {
  return element.children.filter((c) => c.ns === ns && c.name === name);
}

/** Escapes text for an XML body we send. */
export function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
}
