/**
 * The approval panel of any subject: its state, the chain with the current level, what the user
 * may do (submit, validate, approve, return some sections with a comment) behind a confirmation,
 * and the history (who did what, when, with which comment).
 */
import { useState } from 'react';
import { Badge, Button, Checkbox, Group, List, Modal, Paper, Stack, Text, Textarea, Timeline, Title } from '@mantine/core';
import { IconArrowBackUp, IconCheck, IconChecks, IconSend } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert, formatDateTime, ui } from '../../../web/index.ts';
import type { Submission } from '../../contract.ts';
import type { ApprovalAction } from '../../document-types.ts';
import { useApprovalAction } from '../queries.ts';
import { dom, look, stateColor, tid } from '../constants.ts';

const actionIcon = { submit: IconSend, validate: IconCheck, approve: IconChecks, return: IconArrowBackUp } as const;

export interface SubmissionPanelProps {
  submission: Submission;
  /** The label of a section key, in the interface language. */
  sectionLabel: (key: string) => string;
  /** Query key prefix of the subject, refreshed after an action. */
  subjectKey: readonly unknown[];
}

export function SubmissionPanel({ submission, sectionLabel, subjectKey }: SubmissionPanelProps) {
  const { t, i18n } = useTranslation('approvals');
  const lang = i18n.language;
  const [pending, setPending] = useState<ApprovalAction | null>(null);
  const s = submission;
  return (
    <Paper withBorder p={ui.lg} component={ui.section} aria-labelledby={dom.panelTitle} data-testid={tid.panel}>
      <Stack gap={ui.md}>
        <Group justify={ui.spaceBetween}>
          <Title order={2} size={ui.h4} id={dom.panelTitle}>
            {t('panel.title')}
          </Title>
          <Badge color={stateColor[s.state]} variant={ui.filled} data-testid={tid.state}>
            {t(`states.${s.state}`)}
          </Badge>
        </Group>
        <List type={look.ordered} spacing={4} size={ui.sm}>
          {s.chain.map((level, i) => (
            <List.Item key={level} fw={s.state !== 'approved' && i === s.levelIndex ? 700 : 400}>
              {t(`levels.${level}`)}
              {s.state !== 'approved' && i === s.levelIndex && ` — ${t('panel.currentLevel')}`}
            </List.Item>
          ))}
        </List>
        {s.can.actions.length > 0 && (
          <Group gap={ui.sm}>
            {s.can.actions.map((a) => {
              const Icon = actionIcon[a];
              return (
                <Button key={a} variant={a === 'return' ? ui.default : ui.filled} leftSection={<Icon size={16} aria-hidden />} onClick={() => setPending(a)} data-testid={tid.action(a)}>
                  {t(`actions.${a}`)}
                </Button>
              );
            })}
          </Group>
        )}
        <Title order={3} size={ui.h5} id={dom.historyTitle}>
          {t('panel.history')}
        </Title>
        {s.history.length === 0 ? (
          <Text size={ui.sm} c={ui.dimmed}>
            {t('panel.noHistory')}
          </Text>
        ) : (
          <Timeline bulletSize={20} lineWidth={2} active={s.history.length - 1} aria-labelledby={dom.historyTitle} data-testid={tid.history}>
            {s.history.map((h) => (
              <Timeline.Item key={h.id} title={`${t(`done.${h.action}`)} — ${t(`levels.${h.level}`)}`}>
                <Text size={ui.sm}>{lang === 'fr' ? h.actorNameFr : h.actorNameAr}</Text>
                <Text size={ui.xs} c={ui.dimmed}>
                  {formatDateTime(h.at, lang)}
                </Text>
                {h.sections.length > 0 && <Text size={ui.sm}>{t('panel.returnedSections', { sections: h.sections.map(sectionLabel).join('، ') })}</Text>}
                {h.comment && (
                  <Text size={ui.sm} fs={look.italic}>
                    {h.comment}
                  </Text>
                )}
              </Timeline.Item>
            ))}
          </Timeline>
        )}
      </Stack>
      {pending && <ConfirmAction submission={s} action={pending} sectionLabel={sectionLabel} subjectKey={subjectKey} onClose={() => setPending(null)} />}
    </Paper>
  );
}

function ConfirmAction({ submission, action, sectionLabel, subjectKey, onClose }: SubmissionPanelProps & { action: ApprovalAction; onClose: () => void }) {
  const { t } = useTranslation('approvals');
  const mutation = useApprovalAction(submission.id, subjectKey);
  const [comment, setComment] = useState('');
  const [sections, setSections] = useState<string[]>([]);
  const [tried, setTried] = useState(false);
  const isReturn = action === 'return';
  const underReview = submission.sections.filter((x) => x.state === 'submitted').map((x) => x.key);
  const commentMissing = isReturn && comment.trim() === '';
  const sectionsMissing = isReturn && sections.length === 0;
  const confirm = () => {
    setTried(true);
    if (commentMissing || sectionsMissing) return;
    mutation.mutate(
      { action, level: action === 'submit' ? 0 : submission.levelIndex, comment: comment.trim() || undefined, sections: isReturn ? sections : [] },
      { onSuccess: onClose },
    );
  };
  return (
    <Modal opened onClose={onClose} title={t(`confirm.${action}`)} centered closeButtonProps={{ 'aria-label': t('confirm.close') }}>
      <Stack gap={ui.md}>
        <Text size={ui.sm}>{t(`confirm.${action}Detail`)}</Text>
        <ProblemAlert error={mutation.error} />
        {isReturn && (
          <Checkbox.Group label={t('confirm.sections')} value={sections} onChange={setSections} required error={tried && sectionsMissing ? t('confirm.sectionsRequired') : undefined}>
            <Stack gap={6} mt={6}>
              {underReview.map((key) => (
                <Checkbox key={key} value={key} label={sectionLabel(key)} data-testid={tid.returnSection(key)} />
              ))}
            </Stack>
          </Checkbox.Group>
        )}
        <Textarea
          label={t('confirm.comment')}
          required={isReturn}
          autosize
          minRows={3}
          maxLength={4000}
          value={comment}
          onChange={(e) => setComment(e.currentTarget.value)}
          error={tried && commentMissing ? t('confirm.commentRequired') : undefined}
          data-testid={tid.comment}
        />
        <Group justify={ui.end}>
          <Button variant={ui.default} onClick={onClose}>
            {t('confirm.cancel')}
          </Button>
          <Button onClick={confirm} loading={mutation.isPending} data-testid={tid.confirm}>
            {t(`actions.${action}`)}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
