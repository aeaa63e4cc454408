/**
 * One institution's licensing on a page of its own, reached from the queue: the same component
 * as the institution page's licensing tab.
 */
import { useTranslation } from 'react-i18next';
import { PageHeader, nameIn, useParam } from '../../../../platform/web/index.ts';
import { LicensingTab } from './LicensingTab.tsx';
import { useLicensing } from './queries.ts';

export function LicensingFilePage() {
  const { t, i18n } = useTranslation('registry');
  const institutionId = useParam('institutionId');
  // Same query as the tab's: one request, the name comes with the licensing.
  const licensing = useLicensing(institutionId);
  return (
    <>
      <PageHeader title={licensing.data ? `${nameIn(licensing.data, i18n.language)} — ${t('licensing.tab')}` : t('licensing.title')} />
      <LicensingTab institutionId={institutionId} />
    </>
  );
}
