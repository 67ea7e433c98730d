/**
 * Moved to src/i18n/, where the service worker may use it too. Kept only for the view still
 * importing it from here (src/popup/CallPanel.tsx); delete once that import points at ../i18n.
 */
export { t, type MessageKey } from '../i18n';
