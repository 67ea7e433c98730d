import { appError } from '../calls/errors';
import type { colleagueRequests } from '../protocol/colleagues';
import type { Routes } from '../protocol/server';
import { loadColleagueSettings, onColleagueSettingsChanged, saveColleagueSettings } from '../storage/colleaguesStore';
import { askSoftphone } from './askSoftphone';

export const colleagueRoutes = {
  saveColleagueSettings: ({ settings }) => saveColleagueSettings(settings),
  colleaguesForSoftphone: () => loadColleagueSettings(),
  pickUp: async ({ extension }) => {
    try {
      return await askSoftphone('pickUp', { extension });
    } catch (error) {
      console.warn('pickup: the softphone did not answer:', error);
      return { ok: false, error: appError('offscreen_unavailable') };
    }
  },
} satisfies Routes<'background', typeof colleagueRequests>;

/** The softphone learns the colleague list as it changes, and watches them from then on. */
export function startColleagues(): void {
  onColleagueSettingsChanged(async () => {
    try {
      await askSoftphone('configureColleagues', { settings: await loadColleagueSettings() });
    } catch (error) {
      console.warn('colleague settings not passed to the softphone:', error);
    }
  });
}
