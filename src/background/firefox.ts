// Firefox's background page is a document, with WebRTC and the microphone: it runs the service
// worker's routes and hosts the softphone itself, where Chrome needs an offscreen document. The
// two talk through the protocol's local registry (runtime messages never reach their own sender).
// Order matters: the background serves its requests before the softphone asks for its settings.
import './index';
import '../offscreen/index';

// Firefox unloads a Manifest V3 background page after 30 s without extension events, which would
// drop the registration (and any call). An extension API call every 20 s counts as activity.
const KEEP_ALIVE_MS = 20_000;
setInterval(() => void chrome.runtime.getPlatformInfo(), KEEP_ALIVE_MS);
