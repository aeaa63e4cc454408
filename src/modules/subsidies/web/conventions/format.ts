/** Dirhams as the server sends them (exact decimal strings), formatted without a binary float, Western digits. */
import { useTranslation } from 'react-i18next';
import { localeOf } from '../../../../platform/web/format.ts';

const formats = new Map<string, Intl.NumberFormat>();

export function formatMad(value: string, language: string): string {
  let f = formats.get(language);
  if (!f) {
    f = new Intl.NumberFormat(localeOf(language), { numberingSystem: 'latn', minimumFractionDigits: 2, maximumFractionDigits: 2 });
    formats.set(language, f);
  }
  // Intl formats a decimal string exactly (no conversion to a binary float).
  return f.format(value as unknown as number);
}

/**
 * A field message: the part's own rules ('subsidies.fields.duplicate', from the shared contract)
 * live in this part's catalog under 'conventions.fields'; anything else goes to the platform's.
 */
export function useFieldText() {
  const { t } = useTranslation('subsidies');
  return (message: string | undefined, fallback: (m: string | undefined) => string | undefined): string | undefined => {
    const own = message && /^subsidies\.fields\.([a-z_]+)$/.exec(message);
    if (own) return t(`conventions.fields.${own[1] as 'duplicate'}`);
    if (message === 'amount_format') return t('conventions.fields.amount_format');
    return fallback(message);
  };
}
