/**
 * Import of a delegation's list of institutions and founders: the platform's import wizard
 * (upload → columns → check with the report of every rejected row → import, all rows or none),
 * with the registry's template in both languages and its matching rules stated up front.
 */
import { Anchor, Group, List, Stack, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatNumber, PageHeader, ui } from '../../../../platform/web/index.ts';
import { ImportWizard } from '../../../../platform/jobs/web/components/ImportWizard.tsx';
import { IMPORT_TARGET, importTid, templateHref } from './constants.ts';
import { ImportReport } from './ImportReport.tsx';

export function ImportInstitutionsPage() {
  const { t, i18n } = useTranslation(['registry', 'jobs']);
  return (
    <Stack gap={0} data-testid={importTid.page}>
      <PageHeader title={t('import.title')}>
        <Text c={ui.dimmed}>{t('import.intro')}</Text>
      </PageHeader>
      <Group mb={ui.md}>
        <Anchor href={templateHref.ar} download data-testid={importTid.templateAr}>
          <Group gap={4} component={ui.span}>
            <IconDownload size={16} aria-hidden />
            {t('import.templateAr')}
          </Group>
        </Anchor>
        <Anchor href={templateHref.fr} download data-testid={importTid.templateFr}>
          <Group gap={4} component={ui.span}>
            <IconDownload size={16} aria-hidden />
            {t('import.templateFr')}
          </Group>
        </Anchor>
      </Group>
      <Title order={2} size={ui.h5} mb={ui.xs}>
        {t('import.rules')}
      </Title>
      <List size={ui.sm} mb={ui.lg} maw={860}>
        <List.Item>{t('import.ruleCommune')}</List.Item>
        <List.Item>{t('import.ruleAssociation')}</List.Item>
        <List.Item>{t('import.ruleInstitution')}</List.Item>
        <List.Item>{t('import.ruleScope')}</List.Item>
      </List>
      <ImportWizard
        target={IMPORT_TARGET}
        fileHint={t('import.fileHint')}
        Details={ImportReport}
        doneText={(n) => t('import.done', { n: formatNumber(n, i18n.language) })}
      />
    </Stack>
  );
}
