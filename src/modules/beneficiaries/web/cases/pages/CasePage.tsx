/**
 * One case file along the Jisr pathway: who it is about, its stage and handler, the actions the
 * stage calls for (diagnose, refer, plan, note, follow up, close) and the timeline of every step.
 * Opening it is logged by the server (law 09-08).
 */
import { useState } from 'react';
import { Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconClipboardHeart, IconDirections, IconLock, IconNote, IconRoute, IconSettings, IconUserCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Fact, ErrorState, LoadingState, PageHeader, ProblemAlert, formatDate, ui, useCan, useCurrentUser, useParam } from '../../../../../platform/web/index.ts';
import type { CaseFile } from '../../../contract/cases.ts';
import { caseWrites, useCaseFile, useCaseWrite } from '../queries.ts';
import { act, dom, path, perm, tid } from '../constants.ts';
import { personName, stageColor } from '../format.ts';
import { Timeline } from '../components/Timeline.tsx';
import { DiagnoseModal } from '../components/DiagnoseModal.tsx';
import { ReferModal } from '../components/ReferModal.tsx';
import { PlanModal } from '../components/PlanModal.tsx';
import { NoteModal } from '../components/NoteModal.tsx';
import { FollowUpModal } from '../components/FollowUpModal.tsx';
import { SettingsModal } from '../components/SettingsModal.tsx';

type Dialog = 'diagnose' | 'refer' | 'plan' | 'note' | 'settings' | 'close' | { followUp: string } | null;

/** What each stage calls for first; the others stay available while the file is open. */
const stageActions: Record<string, readonly string[]> = {
  reception: ['diagnose', 'refer'],
  diagnosis: ['diagnose', 'refer'],
  orientation: ['refer'],
  admitted: ['plan'],
  accompaniment: ['plan'],
  exited: [],
  post_exit: [],
};

export function CasePage() {
  const id = useParam('caseId');
  const query = useCaseFile(id);
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  return <CaseFileView file={query.data} />;
}

function CaseFileView({ file }: { file: CaseFile }) {
  const { t, i18n } = useTranslation('beneficiaries');
  const { t: tR } = useTranslation('registry');
  const lang = i18n.language;
  const can = useCan();
  const me = useCurrentUser();
  const take = useCaseWrite(file.id, caseWrites.patch(file.id));
  const [dialog, setDialog] = useState<Dialog>(null);
  const open = file.stage !== 'closed' && can(perm.case);
  const first = stageActions[file.stage] ?? [];
  const variant = (name: string) => (first.includes(name) ? ui.filled : ui.light);
  const close = () => setDialog(null);
  return (
    <>
      <PageHeader title={t('cases.file.title', { number: file.number, name: personName(file.person, lang) })} back={path.cases}>
        <SimpleGrid cols={{ base: 1, sm: 4 }}>
          <Fact label={t('cases.file.stage')}>
            <Badge color={stageColor[file.stage]} variant={ui.filled} data-testid={tid.caseStage}>
              {t(`enums.caseStage.${file.stage}`)}
            </Badge>
          </Fact>
          <Fact label={t('cases.file.targetGroup')}>{file.targetGroup ? tR(`enums.targetGroup.${file.targetGroup}`) : t('cases.file.none')}</Fact>
          <Fact label={t('cases.file.handler')}>{(lang === 'fr' ? file.handlerNameFr : file.handlerNameAr) ?? t('cases.file.none')}</Fact>
          <Fact label={t('cases.file.openedOn')}>{formatDate(file.openedOn, lang)}</Fact>
        </SimpleGrid>
      </PageHeader>
      <Stack gap={ui.lg}>
        {file.stage === 'closed' && (
          <Paper withBorder p={ui.md}>
            <Group gap={ui.xs}>
              <IconLock size={16} aria-hidden />
              <Text>{t('cases.file.closed', { date: formatDate(file.closedOn, lang), reason: file.closeReason ?? '' })}</Text>
            </Group>
          </Paper>
        )}
        {open && (
          <Paper withBorder p={ui.md} component={ui.section} aria-labelledby={dom.actionsTitle}>
            <Title order={2} size={ui.h4} id={dom.actionsTitle} mb={ui.sm}>
              {t('cases.actions.title')}
            </Title>
            <ProblemAlert error={take.error} />
            <Group gap={ui.sm} wrap={ui.wrap}>
              {file.handlerId !== me.id && (
                <Button variant={ui.light} leftSection={<IconUserCheck size={16} aria-hidden />} loading={take.isPending} onClick={() => take.mutate({ handlerId: me.id })} data-testid={tid.a.take}>
                  {t('cases.actions.take')}
                </Button>
              )}
              <Button variant={variant(act.diagnose)} leftSection={<IconClipboardHeart size={16} aria-hidden />} onClick={() => setDialog(act.diagnose)} data-testid={tid.a.diagnose}>
                {t('cases.actions.diagnose')}
              </Button>
              <Button variant={variant(act.refer)} leftSection={<IconDirections size={16} aria-hidden />} onClick={() => setDialog(act.refer)} data-testid={tid.a.refer}>
                {t('cases.actions.refer')}
              </Button>
              {file.institutionId && (
                <Button variant={variant(act.plan)} leftSection={<IconRoute size={16} aria-hidden />} onClick={() => setDialog(act.plan)} data-testid={tid.a.plan}>
                  {t('cases.actions.plan')}
                </Button>
              )}
              <Button variant={ui.light} leftSection={<IconNote size={16} aria-hidden />} onClick={() => setDialog(act.note)} data-testid={tid.a.note}>
                {t('cases.actions.note')}
              </Button>
              <Button variant={ui.subtle} leftSection={<IconSettings size={16} aria-hidden />} onClick={() => setDialog(act.settings)} data-testid={tid.a.settings}>
                {t('cases.actions.settings')}
              </Button>
              <Button variant={ui.subtle} color={ui.red} onClick={() => setDialog(act.close)} data-testid={tid.a.close}>
                {t('cases.actions.close')}
              </Button>
            </Group>
            {!file.institutionId && (
              <Text size={ui.sm} c={ui.dimmed} mt={ui.sm}>
                {t('cases.plan.afterAdmission')}
              </Text>
            )}
          </Paper>
        )}
        <Timeline file={file} onRecordFollowUp={(followUp) => setDialog({ followUp })} />
      </Stack>
      {dialog === 'diagnose' && <DiagnoseModal caseId={file.id} onClose={close} />}
      {dialog === 'refer' && <ReferModal caseId={file.id} onClose={close} />}
      {dialog === 'plan' && <PlanModal caseId={file.id} onClose={close} />}
      {dialog === 'note' && <NoteModal caseId={file.id} onClose={close} />}
      {(dialog === 'settings' || dialog === 'close') && <SettingsModal file={file} closing={dialog === 'close'} onClose={close} />}
      {dialog !== null && typeof dialog === 'object' && <FollowUpModal id={dialog.followUp} caseId={file.id} onClose={close} />}
    </>
  );
}

