/** The signed-in user (GET /api/me), sign-in and sign-out, and the interface language. */
import { createContext, useCallback, useContext } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Ok, type Language } from '../contract/common.ts';
import { Me, type LoginBody } from '../../modules/access/contract.ts';
import type { Permission } from '../../modules/access/permissions.ts';
import { ApiError, api, setApiLanguage, setCsrfToken } from './api.ts';
import { applyDocumentLanguage, rememberLanguage } from './i18n/index.ts';

export const meQueryKey = ['me'] as const;

async function fetchMe(): Promise<Me | null> {
  try {
    const me = await api.get('/api/me', Me);
    setCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export function useMeQuery() {
  return useQuery({ queryKey: meQueryKey, queryFn: fetchMe, staleTime: Infinity, retry: false });
}

const MeContext = createContext<Me | null>(null);
export const MeProvider = MeContext.Provider;

/** The signed-in user; only inside the application shell, which renders after sign-in. */
export function useCurrentUser(): Me {
  const me = useContext(MeContext);
  if (!me) throw new Error('useCurrentUser outside the signed-in shell');
  return me;
}

export function useCan(): (permission: Permission | null) => boolean {
  const me = useCurrentUser();
  return useCallback((permission) => permission === null || me.permissions.includes(permission), [me]);
}

export async function login(body: LoginBody): Promise<Me> {
  const me = await api.post('/api/auth/login', body, Me);
  setCsrfToken(me.csrfToken);
  return me;
}

export function useLogout(): () => Promise<void> {
  const queryClient = useQueryClient();
  return useCallback(async () => {
    try {
      await api.post('/api/auth/logout', {}, Ok);
    } catch {
      // the session is dropped locally either way
    }
    setCsrfToken(null);
    queryClient.clear();
    queryClient.setQueryData(meQueryKey, null);
  }, [queryClient]);
}

/** Applies a language to the page (lang, dir), the API client and i18next. */
export async function applyLanguage(i18n: { changeLanguage: (l: string) => Promise<unknown> }, language: Language): Promise<void> {
  applyDocumentLanguage(language);
  setApiLanguage(language);
  rememberLanguage(language);
  await i18n.changeLanguage(language);
}

/** The interface language and its switch; a signed-in user's choice is remembered on the server. */
export function useLanguage(): { language: Language; setLanguage: (l: Language) => Promise<void> } {
  const { i18n } = useTranslation();
  const queryClient = useQueryClient();
  const language: Language = i18n.language === 'fr' ? 'fr' : 'ar';
  const setLanguage = useCallback(
    async (next: Language) => {
      await applyLanguage(i18n, next);
      const me = queryClient.getQueryData<Me | null>(meQueryKey);
      if (me && me.language !== next) {
        try {
          const updated = await api.patch('/api/me', { language: next }, Me);
          setCsrfToken(updated.csrfToken);
          queryClient.setQueryData(meQueryKey, updated);
        } catch {
          // the interface follows the choice even if it could not be saved
        }
      }
    },
    [i18n, queryClient],
  );
  return { language, setLanguage };
}
