import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DIST } from './browser';

/** The popup's budget of gzipped JavaScript: heavy work lives in the service worker or the offscreen document. */
export const POPUP_GZIP_BUDGET = 60 * 1024;

/** The JavaScript an extension page of the built dist/ loads before it runs: raw and gzipped bytes. */
export function bundleBytes(html: string): { raw: number; gzip: number } {
  const page = readFileSync(join(DIST, html), 'utf8');
  const files = new Set([...page.matchAll(/(?:src|href)="([^"]+\.js)"/g)].map((m) => m[1]!));
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const path = join(DIST, file.startsWith('/') ? file.slice(1) : join('extension', file));
    raw += statSync(path).size;
    gzip += gzipSync(readFileSync(path)).length;
  }
  return { raw, gzip };
}
