import type { DialogInfo, DialogInfoDialog } from './dialogInfo';

/** What the Colleagues tab shows for one colleague. */
export type ColleagueState = 'idle' | 'ringing' | 'busy' | 'unknown';

/** One colleague's state as the softphone publishes it. */
export interface ColleaguePresence {
  state: ColleagueState;
  /** The call ringing at the colleague's phone, when the PBX says which: what a pickup takes. */
  ringingCallId: string | null;
}

export const unknownPresence: ColleaguePresence = { state: 'unknown', ringingCallId: null };

/** What one subscription has learnt so far: the dialogs the PBX reported, and the last version. */
export interface DialogView {
  version: number;
  dialogs: ReadonlyMap<string, DialogInfoDialog>;
}

export const emptyDialogView: DialogView = { version: -1, dialogs: new Map() };

/**
 * Applies a NOTIFY's document: a full one replaces what was known, a partial one updates the
 * dialogs it names. An older or repeated version changes nothing (RFC 4235 §4.1); a partial
 * document that skips versions cannot be trusted, so it reads as unknown until the next full one.
 */
export function applyDialogInfo(view: DialogView, info: DialogInfo): DialogView | null {
  if (info.version <= view.version && !(info.full && info.version === 0)) return view;
  if (!info.full && info.version !== view.version + 1) return null;
  const dialogs = new Map(info.full ? [] : view.dialogs);
  for (const dialog of info.dialogs) {
    if (dialog.state === 'terminated') dialogs.delete(dialog.id);
    else dialogs.set(dialog.id, dialog);
  }
  return { version: info.version, dialogs };
}

/**
 * A colleague in any confirmed call is busy; one whose phone rings (early dialog where they are
 * the recipient, or no direction given) is ringing; one placing a call that is not answered yet is
 * busy too (not free to take another); no live dialog is idle.
 */
export function presenceOf(view: DialogView): ColleaguePresence {
  const dialogs = [...view.dialogs.values()];
  if (dialogs.some((d) => d.state === 'confirmed')) return { state: 'busy', ringingCallId: null };
  const ringing = dialogs.find((d) => d.direction !== 'initiator');
  if (ringing) return { state: 'ringing', ringingCallId: ringing.callId };
  if (dialogs.length > 0) return { state: 'busy', ringingCallId: null };
  return { state: 'idle', ringingCallId: null };
}

/** The presence fallback says only whether the colleague is reachable, not whether they talk. */
export function presenceOfPidf(basic: 'open' | 'closed'): ColleaguePresence {
  return basic === 'open' ? { state: 'idle', ringingCallId: null } : unknownPresence;
}
