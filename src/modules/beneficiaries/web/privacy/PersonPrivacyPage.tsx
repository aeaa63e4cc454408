/** A person's data protection page: bases, sensitive data, export, access log, history. */
import { useTranslation } from 'react-i18next';
import { Stack } from '@mantine/core';
import { PageHeader, ui, useParam } from '../../../../platform/web/index.ts';
import { DataProtectionNotice } from '../components/DataProtectionNotice.tsx';
import { PersonPrivacySections } from './PersonPrivacySections.tsx';
import { tid } from './constants.ts';

const COMPACT = 'compact';

export function PersonPrivacyPage() {
  const { t } = useTranslation('beneficiaries');
  const personId = useParam('personId');
  return (
    <div data-testid={tid.page}>
      <PageHeader title={t('privacy.page.title')} />
      <Stack gap={ui.xl}>
        {/* The rights the person is told about (art. 5), beside the tools that honour them. */}
        <DataProtectionNotice variant={COMPACT} />
        <PersonPrivacySections personId={personId} />
      </Stack>
    </div>
  );
}
