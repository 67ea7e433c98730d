import type { MediaProblem } from '../calls/mediaDiagnosis';
import { type MessageKey, t } from './index';

const problems: Record<MediaProblem, MessageKey> = {
  no_audio: 'mediaNoAudio',
  no_rtcp_mux: 'mediaNoRtcpMux',
  no_dtls_fingerprint: 'mediaNoDtls',
  no_ice_credentials: 'mediaNoIce',
  no_common_codec: 'mediaNoCodec',
  refused: 'mediaRefused',
  ice_failed: 'mediaIceFailed',
  dtls_failed: 'mediaDtlsFailed',
};

/** Why a call's media cannot work, in words an administrator can act on. */
export function mediaProblemText(problem: MediaProblem): string {
  return t(problems[problem]);
}
