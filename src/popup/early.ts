import { KEPT_SNAPSHOT_NAME, startEarlyRead } from '../storage/earlyRead';

// The popup's <head> runs this before its module script: see src/storage/earlyRead.ts.
startEarlyRead(KEPT_SNAPSHOT_NAME);
