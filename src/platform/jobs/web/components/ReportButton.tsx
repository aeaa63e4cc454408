/** Asks for a report (language and format), produced as a job; the file is then on "My jobs". */
import { useState } from 'react';
import { Alert, Button, Group, Modal, SegmentedControl, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconFileReport } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { AnchorLink, ProblemAlert, ui } from '../../../web/index.ts';
import { languages, Language as ReportLanguage } from '../../../contract/common.ts';
import { ReportFormat, type ReportRequestBody } from '../../contract.ts';
import { attr, path, tid } from '../constants.ts';
import { useRequestReport } from '../queries.ts';

export function ReportButton({ report, titleKey }: { report: string; titleKey: 'report.users' | 'report.organisation' }) {
  const { t, i18n } = useTranslation(['jobs', 'web']);
  const [opened, { open, close }] = useDisclosure(false);
  const [language, setLanguage] = useState<ReportRequestBody['language']>(i18n.language === 'fr' ? 'fr' : 'ar');
  const [format, setFormat] = useState<ReportRequestBody['format']>('pdf');
  const request = useRequestReport(report);
  const done = () => {
    request.reset();
    close();
  };
  return (
    <>
      <Button variant={ui.default} leftSection={<IconFileReport size={18} aria-hidden />} onClick={open} data-testid={tid.reportButton}>
        {t('report.request')}
      </Button>
      <Modal opened={opened} onClose={done} title={`${t('report.title')} : ${t(titleKey)}`} closeButtonProps={{ 'aria-label': t('web:common.close') }} centered>
        <Stack>
          <Stack gap={4}>
            <Text id={attr.languageLabel} size={ui.sm} fw={500}>{t('report.language')}</Text>
            <SegmentedControl
              aria-labelledby={attr.languageLabel}
              value={language}
              onChange={(v) => setLanguage(ReportLanguage.parse(v))}
              data={languages.map((l) => ({ value: l, label: t(`languages.${l}`) }))}
              data-testid={tid.reportLanguage}
            />
          </Stack>
          <Stack gap={4}>
            <Text id={attr.formatLabel} size={ui.sm} fw={500}>{t('report.format')}</Text>
            <SegmentedControl
              aria-labelledby={attr.formatLabel}
              value={format}
              onChange={(v) => setFormat(ReportFormat.parse(v))}
              data={ReportFormat.options.map((f) => ({ value: f, label: t(`report.${f}`) }))}
              data-testid={tid.reportFormat}
            />
          </Stack>
          <ProblemAlert error={request.error} />
          {request.data ? (
            <Alert color={ui.green} variant={ui.light} role={ui.status} data-testid={tid.reportQueued}>
              <Stack gap={4}>
                <Text size={ui.sm}>{t('report.queued')}</Text>
                <AnchorLink to={path.jobsJobId} params={{ jobId: request.data.id }}>{t('import.toJob')}</AnchorLink>
              </Stack>
            </Alert>
          ) : (
            <Group justify={ui.flexEnd}>
              <Button loading={request.isPending} onClick={() => request.mutate({ language, format })} data-testid={tid.reportSubmit}>
                {t('report.submit')}
              </Button>
            </Group>
          )}
        </Stack>
      </Modal>
    </>
  );
}
