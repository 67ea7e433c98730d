import type { RequestPayload, Response } from '../protocol/api';
import { request } from '../protocol/client';
import type { contactRequests } from '../protocol/contacts';
import type { Routes } from '../protocol/server';
import { ensureOffscreenDocument } from './offscreenDocument';

type ContactRequest = keyof typeof contactRequests;

/** The contact directory lives with the softphone (it names callers as their INVITE arrives): views' requests go there. */
async function forward<K extends ContactRequest>(type: K, payload: RequestPayload<'offscreen', K>): Promise<Response<'offscreen', K>> {
  await ensureOffscreenDocument();
  return request('offscreen', type, payload);
}

export const contactRoutes = {
  searchContacts: (payload) => forward('searchContacts', payload),
  contactsForNumbers: (payload) => forward('contactsForNumbers', payload),
  importContacts: (payload) => forward('importContacts', payload),
  exportContacts: (payload) => forward('exportContacts', payload),
  saveContact: (payload) => forward('saveContact', payload),
  deleteContact: (payload) => forward('deleteContact', payload),
} satisfies Routes<'background', typeof contactRequests>;
