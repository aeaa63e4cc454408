/** A person's data protection page: bases, sensitive data, export, access log, history. */
import { useTranslation } from 'react-i18next';
import { PageHeader, useParam } from '../../../../platform/web/index.ts';
import { PersonPrivacySections } from './PersonPrivacySections.tsx';
import { tid } from './constants.ts';

export function PersonPrivacyPage() {
  const { t } = useTranslation('beneficiaries');
  const personId = useParam('personId');
  return (
    <div data-testid={tid.page}>
      <PageHeader title={t('privacy.page.title')} />
      <PersonPrivacySections personId={personId} />
    </div>
  );
}
