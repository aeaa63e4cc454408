/** The right of access (law 09-08 art. 7): everything held on the person, as JSON or as a PDF in either language. */
import { Button, Group, Text, Title } from '@mantine/core';
import { IconFileTypePdf, IconJson } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ui } from '../../../../platform/web/index.ts';
import { exportHref } from './queries.ts';
import { tid, val } from './constants.ts';

const LANGS = ['ar', 'fr'] as const;

export function ExportSection({ personId }: { personId: string }) {
  const { t } = useTranslation('beneficiaries');
  return (
    <section aria-labelledby="privacy-export-title">
      <Title order={2} size={ui.h4} id="privacy-export-title">{t('privacy.export.heading')}</Title>
      <Text size={ui.sm} c={ui.dimmed} mb={ui.sm}>{t('privacy.export.hint')}</Text>
      <Group gap={ui.sm} wrap={ui.wrap}>
        <Button component={ui.a} href={exportHref(personId, val.json)} download variant={ui.light} leftSection={<IconJson size={16} aria-hidden />} data-testid={tid.exportJson}>
          {t('privacy.export.json')}
        </Button>
        {LANGS.map((lang) => (
          <Button key={lang} component={ui.a} href={exportHref(personId, val.pdf, lang)} download variant={ui.light} leftSection={<IconFileTypePdf size={16} aria-hidden />} data-testid={tid.exportPdf(lang)} lang={lang}>
            {t('privacy.export.pdf')} {lang === 'ar' ? t('privacy.export.langAr') : t('privacy.export.langFr')}
          </Button>
        ))}
      </Group>
    </section>
  );
}
