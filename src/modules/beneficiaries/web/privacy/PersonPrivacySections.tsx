/**
 * The data protection sections of a person's page: legal bases, sensitive data for the roles that
 * need them, the access log for the privacy roles, the export, and the history of rectifications.
 * The persons part's page can show it as is; PersonPrivacyPage shows it on its own.
 */
import { Divider, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ui, useCan } from '../../../../platform/web/index.ts';
import { RecordHistory } from '../../../../platform/audit/web/index.ts';
import { AccessLogSection } from './AccessLogSection.tsx';
import { ConsentsSection } from './ConsentsSection.tsx';
import { ExportSection } from './ExportSection.tsx';
import { SensitiveSection } from './SensitiveSection.tsx';
import { tid, val } from './constants.ts';

const SENSITIVE = 'beneficiaries.sensitive';
const PRIVACY = 'beneficiaries.privacy';

export function PersonPrivacySections({ personId }: { personId: string }) {
  const { t } = useTranslation('beneficiaries');
  const can = useCan();
  const maySeeSensitive = can(SENSITIVE);
  const hasPrivacyDuty = can(PRIVACY);
  return (
    <Stack gap={ui.xl}>
      <ConsentsSection personId={personId} />
      {maySeeSensitive && (
        <>
          <Divider />
          <SensitiveSection personId={personId} />
        </>
      )}
      <Divider />
      <ExportSection personId={personId} />
      {hasPrivacyDuty && (
        <>
          <Divider />
          <AccessLogSection personId={personId} />
        </>
      )}
      <Divider />
      <section aria-labelledby="privacy-history-title" data-testid={tid.history}>
        <Title order={2} size={ui.h4} id="privacy-history-title" mb={ui.sm}>{t('privacy.history.heading')}</Title>
        <RecordHistory ownerType={val.person} ownerId={personId} tableLabel={() => t('privacy.export.sections.person')} fieldLabel={(_table, field) => t(`privacy.export.fields.${field}` as 'privacy.export.fields.cnie', { defaultValue: field })} />
      </section>
    </Stack>
  );
}
