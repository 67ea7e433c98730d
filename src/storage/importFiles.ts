import { clear, createStore, del, get, set } from 'idb-keyval';

/**
 * A contacts file on its way from the settings page to the softphone's document, through the
 * extension's IndexedDB. Sent as a message, a file of 100,000 contacts (about 20 MB of text) is
 * copied as a string on the thread the two pages share, twice, freezing both for a second; a
 * stored Blob is handed over by reference and read back off that thread. The settings page
 * writes here only this file, which the softphone's document takes and deletes at once.
 */
const files = createStore('voip-widget-import-files', 'files');

/** Keeps `file` for the softphone's document; gives the id to send it under. A file left by an import that never arrived goes. */
export async function handOver(file: Blob): Promise<string> {
  const id = crypto.randomUUID();
  await clear(files);
  await set(id, file, files);
  return id;
}

/** The text of the file handed over under `id`, which is deleted; null when there is none. */
export async function takeOver(id: string): Promise<string | null> {
  const file = await get<Blob>(id, files);
  if (file === undefined) return null;
  await del(id, files);
  return file.text();
}
