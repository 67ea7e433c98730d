import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestPbx } from './pbx';
import { freePort } from './ports';
import { Daemon, waitUntil } from './process';

/** How the desk phone does its media: the settings real SIP phones and PBX endpoints get wrong. */
export interface DeskPhoneMedia {
  /** `a=rtcp-mux` in its SDP (Asterisk's `rtcp_mux=yes`); WebRTC requires it. */
  rtcpMux: boolean;
  /** DTLS-SRTP (a fingerprint in its SDP); without it, plain RTP/AVP. */
  dtls: boolean;
  /** ICE (credentials and candidates in its SDP). */
  ice: boolean;
}

export const WEBRTC_READY: DeskPhoneMedia = { rtcpMux: true, dtls: true, ice: true };

/**
 * A real SIP desk phone (baresip), registered over UDP to the test PBX as one of its users. It
 * answers by itself, sends a sine tone as its microphone, and dumps what it hears to WAV files.
 * Calls between it and an agent go direct (the PBX relays their SDP untouched), as with a phone
 * on the same network.
 */
export class DeskPhone {
  private constructor(
    private readonly daemon: Daemon,
    private readonly dir: string,
    private readonly controlPort: number,
  ) {}

  static async start(pbx: TestPbx, username: string, media: DeskPhoneMedia = WEBRTC_READY, toneHz = 600): Promise<DeskPhone> {
    const user = pbx.users.find((u) => u.username === username);
    if (!user) throw new Error(`no test user ${username}`);
    const [sipPort, controlPort] = [await freePort(), await freePort()];
    const dir = mkdtempSync(join(tmpdir(), 'voip-deskphone-'));
    writeFileSync(
      join(dir, 'config'),
      [
        'poll_method epoll',
        `sip_listen 127.0.0.1:${sipPort}`,
        // No sound card: played to nowhere, and what the phone decodes is dumped to WAV files (sndfile).
        'audio_player aufile,/dev/null',
        `snd_path ${dir}`,
        `audio_source ausine,${toneHz}`,
        `audio_alert aufile,${join(dir, 'alert.wav')}`,
        `rtcp_mux ${media.rtcpMux ? 'yes' : 'no'}`,
        'module_path /usr/lib/baresip/modules',
        ...['g711', 'opus', 'ausine', 'aufile', 'sndfile', ...(media.ice ? ['ice'] : []), ...(media.dtls ? ['dtls_srtp'] : [])].map((m) => `module ${m}.so`),
        'module_tmp account.so',
        // menu: the call commands (hold, resume, transfer, ...) that ctrl_tcp runs.
        'module_app menu.so',
        'module_app ctrl_tcp.so',
        `ctrl_tcp_listen 127.0.0.1:${controlPort}`,
        '',
      ].join('\n'),
    );
    const params = [
      `auth_pass=${user.password}`,
      `outbound="sip:127.0.0.1:${pbx.sipPort};transport=udp"`,
      'answermode=auto',
      'regint=600',
      ...(media.dtls ? ['mediaenc=dtls_srtp'] : []),
      ...(media.ice ? ['medianat=ice'] : []),
    ];
    writeFileSync(join(dir, 'accounts'), `<sip:${username}@${pbx.domain};transport=udp>;${params.join(';')}\n`);
    const since = Date.now();
    const daemon = Daemon.start(`baresip-${username}`, 'baresip', ['-f', dir], dir);
    const phone = new DeskPhone(daemon, dir, controlPort);
    await waitUntil(
      () => {
        if (!daemon.running) throw new Error(`baresip exited:\n${phone.log()}`);
        return pbx.logLines(since).some((l) => l.includes(`BINDINGS sip:${username}@`));
      },
      10_000,
      `desk phone ${username} to register`,
    );
    return phone;
  }

  /** The WAV file of what the phone decoded in its latest call (sndfile writes one per call and direction). */
  private heardFile(): string | null {
    const decoded = readdirSync(this.dir).filter((name) => /^dump-.*-dec\.wav$/.test(name));
    const latest = decoded
      .map((name) => join(this.dir, name))
      .sort((a, b) => statSync(a).mtimeMs - statSync(b).mtimeMs)
      .at(-1);
    return latest ?? null;
  }

  /** How much audio the phone has decoded in its latest call. */
  heardBytes(): number {
    const file = this.heardFile();
    return file && existsSync(file) ? statSync(file).size : 0;
  }

  /** The loudest sample the phone decoded in its latest call (16-bit PCM), from `fromByte` on. */
  heardPeak(fromByte = 44): number {
    const file = this.heardFile();
    if (!file || !existsSync(file)) return 0;
    const data = readFileSync(file);
    let peak = 0;
    for (let i = Math.max(44, fromByte & ~1); i + 1 < data.length; i += 2) peak = Math.max(peak, Math.abs(data.readInt16LE(i)));
    return peak;
  }

  /** Sends a command through baresip's ctrl_tcp module (netstring-framed JSON) and returns its response. */
  async command(command: string, params = ''): Promise<{ ok: boolean; data: string }> {
    const socket: Socket = connect(this.controlPort, '127.0.0.1');
    const body = JSON.stringify({ command, params, token: 'test' });
    socket.write(`${Buffer.byteLength(body)}:${body},`);
    const text = await new Promise<string>((resolve, reject) => {
      let buffer = '';
      const timer = setTimeout(() => reject(new Error(`baresip did not answer ${command}`)), 5000);
      socket.on('data', (chunk) => {
        buffer += chunk.toString('utf8');
        for (const match of buffer.matchAll(/(\d+):(\{.*?\}),/gs)) {
          const message = JSON.parse(match[2] ?? '{}') as { response?: boolean; ok?: boolean; data?: string };
          if (message.response) {
            clearTimeout(timer);
            resolve(JSON.stringify(message));
          }
        }
      });
      socket.on('error', reject);
    });
    socket.destroy();
    const { ok, data } = JSON.parse(text) as { ok: boolean; data: string };
    return { ok, data };
  }

  log(): string {
    return this.daemon.lines.map((l) => l.text).join('\n');
  }

  async stop(): Promise<void> {
    await this.daemon.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
