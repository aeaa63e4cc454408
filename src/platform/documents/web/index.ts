/**
 * The documents panel that detail pages embed, and the documents catalogs (namespace 'documents':
 * panel texts, category labels, notification messages).
 */
import { IconFiles } from '@tabler/icons-react';
import type { WebModule } from '../../web/module.ts';
import ar from '../i18n/ar.json';
import fr from '../i18n/fr.json';

export const messages = { ar, fr };
export { DocumentsPanel, type DocumentsPanelProps } from './components/DocumentsPanel.tsx';

export const documentsWeb: WebModule = {
  id: 'documents',
  labelKey: 'documents:module.title',
  icon: IconFiles,
  permission: 'documents.read',
  messages,
  // No page of its own: the panel lives in the owners' detail pages.
  routes: [],
};
