/** What the scanner needs to know of an element to decide whether to look inside it. */
export interface ElementFacts {
  tagName: string;
  /** The contenteditable attribute, or null (read as an attribute: the property forces a style update). */
  contentEditable: string | null;
  ownedByUs: boolean;
}

/**
 * Elements whose text is not prose a number could be called from: code, scripts and styles, and
 * anything the user edits (a button inserted there would end up in what they type or submit).
 */
export const SKIPPED_TAGS: ReadonlySet<string> = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'IFRAME',
  'OBJECT',
  'EMBED',
  'SVG',
  'MATH',
  'CANVAS',
  'TEXTAREA',
  'INPUT',
  'SELECT',
  'OPTION',
  'BUTTON',
  'CODE',
  'PRE',
  'KBD',
  'SAMP',
  'VAR',
  'TITLE',
  'HEAD',
]);

export function skipElement(element: ElementFacts): boolean {
  return element.ownedByUs || isEditable(element.contentEditable) || SKIPPED_TAGS.has(element.tagName.toUpperCase());
}

/** `contenteditable`, `=""`, `="true"` and `="plaintext-only"` make a region editable; `="false"` does not. */
export function isEditable(contentEditable: string | null): boolean {
  return contentEditable !== null && contentEditable.trim().toLowerCase() !== 'false';
}
