import { useEffect, useRef, useState } from 'preact/hooks';
import { synthesizeWav, TEST_TONE } from '../audio/tones';
import { type MessageKey, t } from '../i18n';
import type { Preferences } from '../settings/preferences';
import { usePreferences } from '../ui/usePreferences';

type DeviceField = 'microphoneId' | 'speakerId' | 'ringerId';

function useDevices(): MediaDeviceInfo[] {
  const [devices, setDevices] = useState<MediaDeviceInfo[]>([]);
  useEffect(() => {
    const load = (): void =>
      void navigator.mediaDevices
        .enumerateDevices()
        .then(setDevices)
        .catch(() => setDevices([]));
    load();
    navigator.mediaDevices.addEventListener('devicechange', load);
    return () => navigator.mediaDevices.removeEventListener('devicechange', load);
  }, []);
  return devices;
}

function DeviceSelect({
  field,
  kind,
  label,
  preferences,
  onChange,
}: {
  field: DeviceField;
  kind: MediaDeviceKind;
  label: MessageKey;
  preferences: Preferences;
  onChange(id: string): void;
}) {
  const devices = useDevices().filter((d) => d.kind === kind && d.deviceId !== 'default');
  return (
    <div class="field">
      <label for={`device-${field}`}>{t(label)}</label>
      <select id={`device-${field}`} value={preferences[field]} onChange={(e) => onChange(e.currentTarget.value)}>
        <option value="">{t('deviceDefault')}</option>
        {devices.map((d, i) => (
          <option key={d.deviceId} value={d.deviceId}>
            {d.label || `${t(label)} ${i + 1}`}
          </option>
        ))}
      </select>
    </div>
  );
}

async function playTestTone(sinkId: string): Promise<void> {
  const url = URL.createObjectURL(new Blob([synthesizeWav(TEST_TONE) as BlobPart], { type: 'audio/wav' }));
  const audio = new Audio(url);
  await audio.setSinkId?.(sinkId).catch(() => undefined);
  audio.addEventListener('ended', () => URL.revokeObjectURL(url));
  await audio.play();
}

/** A live microphone level (0-100) while the check runs. */
function useMicrophoneLevel(active: boolean, deviceId: string): [number, string | null] {
  const [level, setLevel] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const frame = useRef(0);
  useEffect(() => {
    if (!active) return;
    let stream: MediaStream | null = null;
    let context: AudioContext | null = null;
    void navigator.mediaDevices
      .getUserMedia({ audio: deviceId ? { deviceId: { ideal: deviceId } } : true })
      .then((s) => {
        stream = s;
        context = new AudioContext();
        const analyser = context.createAnalyser();
        context.createMediaStreamSource(s).connect(analyser);
        const data = new Uint8Array(analyser.fftSize);
        const tick = (): void => {
          analyser.getByteTimeDomainData(data);
          const peak = data.reduce((max, v) => Math.max(max, Math.abs(v - 128)), 0);
          setLevel(Math.round((peak / 128) * 100));
          frame.current = requestAnimationFrame(tick);
        };
        tick();
      })
      .catch((e: unknown) => setError(e instanceof DOMException ? e.name : String(e)));
    return () => {
      cancelAnimationFrame(frame.current);
      for (const track of stream?.getTracks() ?? []) track.stop();
      void context?.close();
    };
  }, [active, deviceId]);
  return [level, error];
}

/** Microphone, speaker and ringing device, with a test tone and a microphone level meter. */
export function DevicesSection() {
  const [preferences, update] = usePreferences();
  const [checking, setChecking] = useState(false);
  const [level, micError] = useMicrophoneLevel(checking, preferences.microphoneId);

  return (
    <section aria-labelledby="devices-heading" class="settings-section">
      <h2 id="devices-heading">{t('devicesHeading')}</h2>
      <DeviceSelect
        field="microphoneId"
        kind="audioinput"
        label="deviceMicrophone"
        preferences={preferences}
        onChange={(id) => void update({ microphoneId: id })}
      />
      <div class="inline">
        <button type="button" aria-pressed={checking} onClick={() => setChecking(!checking)}>
          {checking ? t('stopMicrophoneCheck') : t('checkMicrophone')}
        </button>
        <meter min={0} max={100} value={level} aria-label={t('microphoneLevel')} />
      </div>
      {micError && (
        <p role="alert" class="error">
          {t('microphoneCheckFailed', micError)}
        </p>
      )}
      <DeviceSelect field="speakerId" kind="audiooutput" label="deviceSpeaker" preferences={preferences} onChange={(id) => void update({ speakerId: id })} />
      <DeviceSelect field="ringerId" kind="audiooutput" label="deviceRinger" preferences={preferences} onChange={(id) => void update({ ringerId: id })} />
      <div class="inline">
        <button type="button" onClick={() => void playTestTone(preferences.speakerId)}>
          {t('testSpeaker')}
        </button>
        <button type="button" onClick={() => void playTestTone(preferences.ringerId)}>
          {t('testRinger')}
        </button>
      </div>
    </section>
  );
}
