import { beforeEach, describe, expect, it, vi } from 'vitest';

// The browser's messaging, as seen from one context: what it sends goes elsewhere, never back here.
const runtime = vi.hoisted(() => ({
  id: 'voip-widget',
  getURL: (path: string) => `moz-extension://voip-widget/${path}`,
  sendMessage: vi.fn(async () => 'answered by another context'),
  onMessage: { addListener: vi.fn(), removeListener: vi.fn() },
}));
vi.mock('webextension-polyfill', () => ({ default: { runtime } }));
vi.stubGlobal('chrome', { runtime: { id: runtime.id, getURL: runtime.getURL } });
vi.stubGlobal('location', { href: 'moz-extension://voip-widget/extension/background.html' });

const { broadcast, onBroadcast, request } = await import('../../../src/protocol/client');
const { serve } = await import('../../../src/protocol/server');
const { broadcastLocally, listenLocally, localServer, requestLocally, resetLocalRegistry, serveLocally } = await import('../../../src/protocol/local');
const { isExtensionPage } = await import('../../../src/protocol/client');

const snapshot = { seq: 1 } as never;

beforeEach(() => {
  resetLocalRegistry();
  runtime.sendMessage.mockClear();
});

describe('the local registry', () => {
  it('knows the servers of this context only', () => {
    const dispatch = vi.fn(() => Promise.resolve('ok'));
    serveLocally('offscreen', dispatch);
    expect(localServer('offscreen')).toBe(dispatch);
    expect(localServer('background')).toBeUndefined();
  });

  it('refuses a second server for the same target', () => {
    serveLocally('background', () => undefined);
    expect(() => serveLocally('background', () => undefined)).toThrow(/already served/);
  });

  it('hands the server a copy of the message and the caller a copy of the answer', async () => {
    const answer = { calls: [] as string[] };
    const message = { to: 'background', type: 'getSnapshot', payload: { list: [1] } };
    const received: unknown[] = [];
    const result = await requestLocally(
      (m) => {
        received.push(m);
        return Promise.resolve(answer);
      },
      message,
      {},
    );
    expect(received[0]).toEqual(message);
    expect(received[0]).not.toBe(message);
    expect(result).toEqual(answer);
    expect(result).not.toBe(answer);
  });

  it('fails like an unanswered message when the server declines it', async () => {
    await expect(requestLocally(() => undefined, {}, {})).rejects.toThrow(/Receiving end does not exist/);
  });

  it('delivers broadcasts to every local listener until it stops listening', () => {
    const heard: unknown[] = [];
    const stop = listenLocally((m) => heard.push(m));
    broadcastLocally({ event: 'snapshot', snapshot });
    stop();
    broadcastLocally({ event: 'snapshot', snapshot });
    expect(heard).toEqual([{ event: 'snapshot', snapshot }]);
  });
});

describe('request() and serve() in one context (Firefox background page)', () => {
  it('answers a request for a target served here without the browser', async () => {
    serve('offscreen', { getSnapshot: () => snapshot } as never, isExtensionPage);
    expect(await request('offscreen', 'getSnapshot', {})).toEqual(snapshot);
    expect(runtime.sendMessage).not.toHaveBeenCalled();
  });

  it('sends a request for a target served elsewhere through the browser', async () => {
    serve('offscreen', {} as never, isExtensionPage);
    expect(await request('background', 'getSnapshot', {})).toBe('answered by another context');
    expect(runtime.sendMessage).toHaveBeenCalledWith({ to: 'background', type: 'getSnapshot', payload: {} });
  });

  it('checks a local payload against its schema like any other: a malformed one rejects', async () => {
    const call = vi.fn();
    serve('offscreen', { call } as never, isExtensionPage);
    await expect(request('offscreen', 'call', { target: 42 } as never)).rejects.toThrow('Malformed call request');
    expect(call).not.toHaveBeenCalled();
  });

  it('rejects a request it has no handler for, and one whose handler throws, rather than answering another shape', async () => {
    serve(
      'offscreen',
      {
        getSnapshot: () => {
          throw new Error('softphone gone');
        },
      } as never,
      isExtensionPage,
    );
    await expect(request('offscreen', 'diagnostics', {})).rejects.toThrow('Unknown request diagnostics');
    await expect(request('offscreen', 'getSnapshot', {})).rejects.toThrow('softphone gone');
  });

  it("takes a content script's requests from content scripts only, and view requests never from them", async () => {
    const clickToCall = vi.fn(() => ({ ok: true, value: { dialed: false } }));
    const getSnapshot = vi.fn(() => snapshot);
    serve('background', { clickToCall, getSnapshot } as never, isExtensionPage);
    const dispatch = localServer('background')!;
    const page = { id: 'voip-widget', url: 'moz-extension://voip-widget/extension/popup.html' };
    const contentScript = { id: 'voip-widget', url: 'https://crm.example.com/', tab: { id: 3 } as never };
    const clicked = { to: 'background', type: 'clickToCall', payload: { number: '+3225551234', via: 'button' } };
    expect(dispatch(clicked, page)).toBeUndefined();
    expect(dispatch({ to: 'background', type: 'getSnapshot', payload: {} }, contentScript)).toBeUndefined();
    expect(dispatch(clicked, { ...contentScript, id: 'another-extension' })).toBeUndefined();
    expect(await dispatch(clicked, contentScript)).toEqual({ ok: true, value: { dialed: false } });
    expect(clickToCall).toHaveBeenCalledWith({ number: '+3225551234', via: 'button' }, contentScript);
    expect(getSnapshot).not.toHaveBeenCalled();
  });

  it('names this page as the sender, so the usual acceptance rule applies', async () => {
    const accept = vi.fn(() => false);
    serve('offscreen', { getSnapshot: () => snapshot } as never, accept);
    await expect(request('offscreen', 'getSnapshot', {})).rejects.toThrow(/Receiving end/);
    expect(accept).toHaveBeenCalledWith({ id: 'voip-widget', url: 'moz-extension://voip-widget/extension/background.html' }, 'getSnapshot');
  });

  it('broadcasts to listeners of this context and to the others', () => {
    const heard: unknown[] = [];
    const stop = onBroadcast((m) => heard.push(m));
    broadcast({ event: 'snapshot', snapshot });
    stop();
    broadcast({ event: 'snapshot', snapshot });
    expect(heard).toEqual([{ event: 'snapshot', snapshot }]);
    expect(runtime.sendMessage).toHaveBeenCalledTimes(2);
    expect(runtime.onMessage.removeListener).toHaveBeenCalled();
  });
});
