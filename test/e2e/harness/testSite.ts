import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST } from './browser';

export type PageSource = string | (() => string);

/** A web site on loopback serving the given pages (path → HTML), for content-script tests. */
export class TestSite {
  private constructor(
    private readonly server: Server,
    readonly origin: string,
  ) {}

  static async start(pages: Record<string, PageSource>, files: Record<string, string> = {}): Promise<TestSite> {
    const server = createServer((req, res) => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      const page = pages[path];
      if (page !== undefined) {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
        res.end(typeof page === 'function' ? page() : page);
        return;
      }
      const file = files[path];
      if (file !== undefined) {
        res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' });
        res.end(readFileSync(file));
        return;
      }
      res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return new TestSite(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  }

  url(path: string): string {
    return this.origin + path;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}

/**
 * A copy of dist/ in which access to 127.0.0.1 is already granted, as if the agent had accepted
 * the browser's prompt: headless Chromium cannot show (or be made to accept) that prompt. Only the
 * grant differs; whether click-to-call runs still depends on the agent enabling the site.
 */
export function extensionWithLoopbackGranted(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'voip-ext-'));
  cpSync(DIST, dir, { recursive: true });
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, unknown>;
  manifest.host_permissions = ['http://127.0.0.1/*'];
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
