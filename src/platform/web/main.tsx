/** Entry of the staff single-page app. */
import '@mantine/core/styles.css';
import './styles.css';
import { StrictMode, useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { createTheme, DirectionProvider, MantineProvider, useDirection, type CSSVariablesResolver } from '@mantine/core';
import { QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { ApiError, setApiLanguage } from './api.ts';
import { applyDocumentLanguage, directionOf, initI18n, storedLanguage } from './i18n/index.ts';
import { webModules } from './modules.ts';
import { buildRouter } from './router.tsx';
import { meQueryKey } from './session.tsx';
import { ui } from './ui.ts';

const theme = createTheme({
  primaryColor: 'blue',
  // Shade 8 keeps white text on filled buttons above the WCAG AA contrast ratio.
  primaryShade: 8,
  fontFamily: 'system-ui, "Segoe UI", "Noto Sans Arabic", "Noto Naskh Arabic", Tahoma, Arial, sans-serif',
  headings: { fontFamily: 'system-ui, "Segoe UI", "Noto Sans Arabic", "Noto Naskh Arabic", Tahoma, Arial, sans-serif' },
  defaultRadius: 'sm',
});

// Mantine's default "dimmed" grey is below 4.5:1 on white.
const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-7)',
    // Text of "light" variants (the active menu entry) on their tinted background.
    '--mantine-color-blue-light-color': 'var(--mantine-color-blue-9)',
    // Field error text: the default red is below 4.5:1 on white.
    '--mantine-color-error': 'var(--mantine-color-red-9)',
  },
  dark: {},
});

const queryClient: QueryClient = new QueryClient({
  defaultOptions: { queries: { staleTime: 30_000, retry: (count, error) => !(error instanceof ApiError && error.status < 500 && error.status > 0) && count < 2 } },
  queryCache: new QueryCache({
    onError: (error, query) => {
      // A session that ended elsewhere sends the user back to the sign-in page.
      if (error instanceof ApiError && error.status === 401 && query.queryKey[0] !== meQueryKey[0]) queryClient.setQueryData(meQueryKey, null);
    },
  }),
});

const router = buildRouter(webModules);

/** Keeps <html lang dir>, the API client and Mantine's direction in step with i18next. */
function LanguageSync() {
  const { i18n } = useTranslation();
  const { setDirection } = useDirection();
  useEffect(() => {
    const apply = (language: string) => {
      applyDocumentLanguage(language);
      setApiLanguage(language);
      setDirection(directionOf(language));
    };
    apply(i18n.language);
    i18n.on('languageChanged', apply);
    return () => i18n.off('languageChanged', apply);
  }, [i18n, setDirection]);
  return null;
}

const language = storedLanguage();
applyDocumentLanguage(language);
setApiLanguage(language);
const i18n = await initI18n(webModules, language);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <DirectionProvider initialDirection={directionOf(language)} detectDirection={false}>
        <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme={ui.light}>
          <LanguageSync />
          <QueryClientProvider client={queryClient}>
            <RouterProvider router={router} />
          </QueryClientProvider>
        </MantineProvider>
      </DirectionProvider>
    </I18nextProvider>
  </StrictMode>,
);
