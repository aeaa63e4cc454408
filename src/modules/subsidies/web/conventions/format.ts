/** The conventions' field messages: the part's own rules first, then the platform's. */
import { useTranslation } from 'react-i18next';

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
