/** i18next set-up: the shell catalog ('web') plus one namespace per module, Arabic first. */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../contract/common.ts';
import type { WebModule } from '../module.ts';
import ar from './ar.json';
import fr from './fr.json';

const STORAGE_KEY = 'raaya.language';

export function storedLanguage(): Language {
  try {
    const v = window.localStorage.getItem(STORAGE_KEY);
    if (v === 'ar' || v === 'fr') return v;
  } catch {
    // storage unavailable: keep the default
  }
  return 'ar';
}

export function rememberLanguage(language: Language): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // storage unavailable
  }
}

export const directionOf = (language: string): 'rtl' | 'ltr' => (language === 'ar' ? 'rtl' : 'ltr');

export function applyDocumentLanguage(language: string): void {
  document.documentElement.lang = language;
  document.documentElement.dir = directionOf(language);
}

export async function initI18n(modules: readonly WebModule[], language: Language): Promise<typeof i18n> {
  const resources: Record<string, Record<string, object>> = { ar: { web: ar }, fr: { web: fr } };
  for (const m of modules) {
    resources.ar![m.id] = m.messages.ar;
    resources.fr![m.id] = m.messages.fr;
  }
  await i18n.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'ar',
    supportedLngs: ['ar', 'fr'],
    ns: ['web', ...modules.map((m) => m.id)],
    defaultNS: 'web',
    resources,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return i18n;
}

export { i18n };
