// The baseline: a plain web page with JsSIP and its default settings, nothing of ours.
import { UA, WebSocketInterface } from 'jssip';

interface BaselineConfig {
  websocketUrl: string;
  uri: string;
  password: string;
  iceServers: RTCIceServer[];
}

declare global {
  interface Window {
    baseline: { start(config: BaselineConfig): void; registeredAt: number | null; state: string };
  }
}

let ua: UA | null = null;
let config: BaselineConfig | null = null;
const state = document.getElementById('state')!;

window.baseline = {
  registeredAt: null,
  state: 'idle',
  start(next) {
    config = next;
    ua = new UA({ sockets: [new WebSocketInterface(next.websocketUrl)], uri: next.uri, password: next.password });
    ua.on('registered', () => {
      window.baseline.registeredAt = Date.now();
      window.baseline.state = state.textContent = 'registered';
    });
    ua.start();
  },
};

document.getElementById('call')!.addEventListener('click', () => {
  if (!ua || !config) return;
  const target = (document.getElementById('target') as HTMLInputElement).value;
  const session = ua.call(target, { mediaConstraints: { audio: true, video: false }, pcConfig: { iceServers: config.iceServers } });
  window.baseline.state = state.textContent = 'calling';
  session.on('ended', () => (window.baseline.state = state.textContent = 'ended'));
  session.on('failed', () => (window.baseline.state = state.textContent = 'ended'));
});
