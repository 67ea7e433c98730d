import { type AppError, microphoneError } from '../calls/errors';
import type { MicrophonePermission } from '../calls/snapshot';

export type MicrophoneResult = { ok: true; stream: MediaStream } | { ok: false; error: AppError };

export function microphoneConstraints(deviceId = ''): MediaStreamConstraints {
  const device = deviceId ? { deviceId: { ideal: deviceId } } : {};
  return { audio: { echoCancellation: true, noiseSuppression: true, autoGainControl: true, ...device }, video: false };
}

export async function openMicrophone(deviceId = ''): Promise<MicrophoneResult> {
  try {
    const stream = await navigator.mediaDevices.getUserMedia(microphoneConstraints(deviceId));
    return { ok: true, stream };
  } catch (error) {
    return { ok: false, error: microphoneError(error instanceof DOMException ? error.name : undefined) };
  }
}

export function stopStream(stream: MediaStream | null | undefined): void {
  for (const track of stream?.getTracks() ?? []) track.stop();
}

/** Plays a call's remote audio from this document, which outlives the popup. */
export class RemoteAudio {
  private readonly element: HTMLAudioElement;

  constructor(sinkId = '') {
    this.element = document.createElement('audio');
    this.element.autoplay = true;
    document.body.append(this.element);
    this.setSink(sinkId);
  }

  /** Routes the audio to an output device ('' = system default); an unknown device keeps the current one. */
  setSink(sinkId: string): void {
    this.element.setSinkId?.(sinkId).catch(() => undefined);
  }

  play(stream: MediaStream): void {
    this.element.srcObject = stream;
    this.element.play().catch(() => undefined);
  }

  dispose(): void {
    this.element.srcObject = null;
    this.element.remove();
  }
}

export async function watchMicrophonePermission(onChange: (state: MicrophonePermission) => void): Promise<void> {
  try {
    const status = await navigator.permissions.query({ name: 'microphone' as PermissionName });
    onChange(status.state);
    status.addEventListener('change', () => onChange(status.state));
  } catch {
    onChange('unknown');
  }
}
