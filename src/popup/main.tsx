import { render } from 'preact';
import type { SoftphoneSnapshot } from '../calls/snapshot';
import { takeEarlyRead } from '../storage/earlyRead';
import { storageKeys } from '../storage/keys';
import { read } from '../storage/read';
import { App } from './App';
import './popup.css';

/** How long the first frame waits for the kept snapshot before it shows the softphone as loading. */
const KEPT_SNAPSHOT_WAIT_MS = 50;

const keptKey = storageKeys.lastSnapshot;
const early = takeEarlyRead(keptKey.name);
const kept = await Promise.race([
  (early ? early.then((stored) => keptKey.read(stored)) : read(keptKey)).catch(() => null),
  new Promise<SoftphoneSnapshot | null>((resolve) => setTimeout(() => resolve(null), KEPT_SNAPSHOT_WAIT_MS)),
]);
render(<App openingSnapshot={kept} />, document.getElementById('app')!);
