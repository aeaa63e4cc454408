/**
 * The national duplicate candidates of a person being entered (reception form, duplicate check,
 * person page). A candidate in the user's scope shows who it is and offers "use this person"; one
 * held elsewhere shows only its holding delegation and offers "ask the holding delegation" for
 * access or transfer: the user never sees personal data it has no right to.
 */
import { useState } from 'react';
import { Alert, Badge, Button, Card, Group, Progress, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ProblemAlert, formatDate, formatNumber, nameIn, ui, useCan } from '../../../../platform/web/index.ts';
import type { PersonSummary } from '../../contract/common.ts';
import type { MatchCandidate, MatchInput } from '../../contract/matching.ts';
import { otherScriptName, personName } from '../persons/names.ts';
import { ACCESS, kinds, look, tid } from './constants.ts';
import { useAskAccess, useCandidates, useProposeMerge } from './queries.ts';

export interface CandidatesPanelProps {
  input: MatchInput;
  /** "Use this person": the form continues with this existing record instead of creating one. */
  onUse?: (person: PersonSummary) => void;
  /** On an existing person's page: propose merging this record into an in-scope candidate. */
  mergeFrom?: string;
}

export function CandidatesPanel({ input, onUse, mergeFrom }: CandidatesPanelProps) {
  const { t, i18n } = useTranslation('beneficiaries');
  const query = useCandidates(input);
  if (!query.data && !query.isError) return null;
  const candidates = query.data?.candidates ?? [];
  return (
    <Card withBorder padding={ui.md} data-testid={tid.panel} aria-live={ui.polite}>
      <Title order={2} size={ui.h4} mb={ui.sm}>
        {t('matching.panel.title')}
      </Title>
      {query.isError && <ProblemAlert error={query.error} />}
      {query.data && candidates.length === 0 && <Text>{t('matching.panel.none')}</Text>}
      {candidates.length > 0 && (
        <Stack gap={ui.sm}>
          <Text size={ui.sm}>{t('matching.panel.found', { n: formatNumber(candidates.length, i18n.language) })}</Text>
          {candidates.map((c) => (
            <CandidateCard key={c.personId} candidate={c} {...(onUse && { onUse })} {...(mergeFrom && { mergeFrom })} />
          ))}
        </Stack>
      )}
    </Card>
  );
}

function CandidateCard({ candidate: c, onUse, mergeFrom }: { candidate: MatchCandidate; onUse?: (p: PersonSummary) => void; mergeFrom?: string }) {
  const { t, i18n } = useTranslation('beneficiaries');
  const lang = i18n.language;
  const percent = Math.round(c.score * 100);
  const color = c.score >= 0.9 ? look.red9 : look.orange9;
  const holder = nameIn(c.holder, lang);
  return (
    <Card withBorder padding={ui.sm} data-testid={tid.candidate(c.personId)}>
      <Group justify={ui.spaceBetween} wrap={ui.wrap} gap={ui.xs}>
        {c.person ? (
          <div>
            <Text fw={600}>
              <bdi>{personName(c.person, lang)}</bdi>
            </Text>
            {otherScriptName(c.person, lang) && (
              <Text size={ui.sm}>
                <bdi>{otherScriptName(c.person, lang)}</bdi>
              </Text>
            )}
            <Text size={ui.sm}>
              {t(`enums.sex.${c.person.sex}`)}
              {c.person.birthDate && ` — ${t('matching.panel.born')} ${c.person.birthDatePrecision === 'year' ? c.person.birthDate.slice(0, 4) : formatDate(c.person.birthDate, lang)}`}
              {c.person.cnie && (
                <>
                  {` — ${t('matching.panel.cnie')} `}
                  <bdi>{c.person.cnie}</bdi>
                </>
              )}
            </Text>
          </div>
        ) : (
          <div>
            <Text fw={600}>{t('matching.panel.outOfScope')}</Text>
            <Text size={ui.sm}>{t('matching.panel.heldBy', { holder })}</Text>
          </div>
        )}
        <Badge color={color} variant={ui.filled} size={ui.lg}>
          {t('matching.panel.score', { n: formatNumber(percent, lang) })}
        </Badge>
      </Group>
      <Progress value={percent} color={color} size={ui.xs} mt={ui.xs} aria-label={t('matching.panel.scoreLabel')} />
      <Group gap={ui.xs} mt={ui.xs} wrap={ui.wrap}>
        {c.reasons.map((r) => (
          <Badge key={r} variant={ui.light} color={r === 'sex_differs' ? look.gray7 : look.blue9}>
            {t(`matching.reasons.${r}`)}
          </Badge>
        ))}
      </Group>
      {c.person ? (
        <Group mt={ui.sm} gap={ui.sm}>
          {c.person && onUse && (
            <Button size={ui.sm} onClick={() => onUse(c.person!)} data-testid={tid.use(c.personId)}>
              {t('matching.panel.use')}
            </Button>
          )}
          {mergeFrom && mergeFrom !== c.personId && <ProposeMerge keptId={c.personId} mergedId={mergeFrom} />}
        </Group>
      ) : (
        <AskHolder personId={c.personId} holder={holder} />
      )}
    </Card>
  );
}

function AskHolder({ personId, holder }: { personId: string; holder: string }) {
  const { t } = useTranslation('beneficiaries');
  const can = useCan();
  const ask = useAskAccess();
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<'access' | 'transfer'>('access');
  const [reason, setReason] = useState('');
  if (!can('beneficiaries.receive')) return null;
  if (ask.isSuccess) {
    return (
      <Alert mt={ui.sm} color={ui.green} data-testid={tid.asked}>
        {t('matching.ask.sent', { holder })}
      </Alert>
    );
  }
  if (!open) {
    return (
      <Button mt={ui.sm} size={ui.sm} variant={ui.outline} onClick={() => setOpen(true)} data-testid={tid.ask(personId)}>
        {t('matching.ask.open')}
      </Button>
    );
  }
  return (
    <Stack mt={ui.sm} gap={ui.xs}>
      <Select
        label={t('matching.ask.kind')}
        data={kinds.map((k) => ({ value: k, label: t(`matching.kinds.${k}`) }))}
        value={kind}
        onChange={(v) => setKind((v as 'access' | 'transfer' | null) ?? ACCESS)}
        allowDeselect={false}
        data-testid={tid.askKind}
      />
      <Textarea label={t('matching.ask.reason')} required value={reason} onChange={(e) => setReason(e.currentTarget.value)} autosize minRows={2} data-testid={tid.askReason} />
      {ask.isError && <ProblemAlert error={ask.error} />}
      <Group>
        <Button size={ui.sm} loading={ask.isPending} onClick={() => ask.mutate({ personId, kind, reason })} data-testid={tid.askSend}>
          {t('matching.ask.send')}
        </Button>
        <Button size={ui.sm} variant={ui.subtle} onClick={() => setOpen(false)}>
          {t('matching.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}

function ProposeMerge({ keptId, mergedId }: { keptId: string; mergedId: string }) {
  const { t } = useTranslation('beneficiaries');
  const can = useCan();
  const propose = useProposeMerge();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  if (!can('beneficiaries.merge')) return null;
  if (propose.isSuccess) return <Alert color={ui.green} data-testid={tid.proposed}>{t('matching.merge.proposed')}</Alert>;
  if (!open) {
    return (
      <Button size={ui.sm} variant={ui.outline} onClick={() => setOpen(true)} data-testid={tid.propose(keptId)}>
        {t('matching.merge.propose')}
      </Button>
    );
  }
  return (
    <Stack gap={ui.xs} w={ui.v100pct}>
      <Textarea label={t('matching.merge.reason')} required value={reason} onChange={(e) => setReason(e.currentTarget.value)} autosize minRows={2} data-testid={tid.proposeReason} />
      {propose.isError && <ProblemAlert error={propose.error} />}
      <Group>
        <Button size={ui.sm} loading={propose.isPending} onClick={() => propose.mutate({ keptId, mergedId, reason })} data-testid={tid.proposeSend}>
          {t('matching.merge.send')}
        </Button>
        <Button size={ui.sm} variant={ui.subtle} onClick={() => setOpen(false)}>
          {t('matching.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}
