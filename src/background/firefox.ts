// Firefox's background page is a document, with WebRTC and the microphone: it runs the service
// worker's routes and hosts the softphone itself, where Chrome needs an offscreen document. The
// two talk through the protocol's local registry (runtime messages never reach their own sender).
// Order matters: the background serves its requests before the softphone asks for its settings.
import './index';
import '../offscreen/index';
