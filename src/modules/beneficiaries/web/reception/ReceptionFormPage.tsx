/**
 * The reception form, made for a cheap phone as much as for a desk: three short steps (who, what,
 * consent and send), large fields, the draft kept in this browser until the request is sent, and
 * the likely duplicates of a new person shown before it is created.
 */
import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Chip, Group, MultiSelect, SegmentedControl, Select, Stack, Stepper, Text, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AnchorLink, ApiError, PageHeader, ProblemAlert, ui } from '../../../../platform/web/index.ts';
import { serviceTypes, targetGroups } from '../../../registry/contract/enums.ts';
import { channels, receptionPoints, requesterRelations, urgencies } from '../../contract/enums.ts';
import type { PersonSummary } from '../../contract/common.ts';
import type { MatchInput } from '../../contract/matching.ts';
import { CandidatesPanel } from '../matching/CandidatesPanel.tsx';
import { fetchCandidates } from '../matching/queries.ts';
import { PersonFields, personBody } from '../persons/PersonFields.tsx';
import { PersonPicker } from '../persons/PersonPicker.tsx';
import { personName } from '../persons/names.ts';
import { fieldErrors } from '../persons/queries.ts';
import { DataProtectionNotice } from '../components/DataProtectionNotice.tsx';
import { path, tid } from './constants.ts';
import { val } from '../persons/constants.ts';
import { intakeBody, useDraft, type ReceptionDraft } from './draft.ts';
import { useIntake } from './queries.ts';

const DESK_CHANNELS = channels.filter((c) => c !== 'public_request');
const DESK_POINTS = receptionPoints.filter((p) => p !== 'public_site');
const EXISTING = 'existing';
const NEW = 'new';
const PERSON_FIELDS = new Set(['firstNameAr', 'lastNameAr', 'firstNameLat', 'lastNameLat', 'sex', 'birthDate', 'cnie', 'idcs', 'phone', 'personId']);
const DUPLICATES = 'possible_duplicates';
const SELF = 'self';
const COMPACT = 'compact';

export function ReceptionFormPage() {
  const { t, i18n } = useTranslation('beneficiaries');
  const lang = i18n.language;
  const [draft, setDraft, clear] = useDraft();
  const queryClient = useQueryClient();
  // The input whose national candidates are shown (null: none found, or not checked yet).
  const [matchInput, setMatchInput] = useState<MatchInput | null>(null);
  const [checking, setChecking] = useState(false);
  const [sent, setSent] = useState<{ number: string; personId: string | null } | null>(null);
  const intake = useIntake();
  const errors = fieldErrors(intake.error);
  const duplicates = intake.error instanceof ApiError && intake.error.problem?.code === DUPLICATES;
  const set = (patch: Partial<ReceptionDraft>) => setDraft({ ...draft, ...patch });
  const go = (step: number) => set({ step });

  const personReady = draft.mode === EXISTING ? Boolean(draft.personId) : Boolean(draft.person.sex);
  const nextFromPerson = async () => {
    if (draft.mode === NEW && !draft.acknowledge) {
      setChecking(true);
      const b = personBody(draft.person);
      const input: MatchInput = {
        firstNameAr: draft.person.firstNameAr || null,
        lastNameAr: draft.person.lastNameAr || null,
        firstNameLat: draft.person.firstNameLat || null,
        lastNameLat: draft.person.lastNameLat || null,
        sex: draft.person.sex || null,
        birthDate: (b.birthDate as string | null) ?? null,
        cnie: draft.person.cnie || null,
        idcs: draft.person.idcs || null,
        phone: draft.person.phone || null,
      };
      const found = await fetchCandidates(queryClient, input).catch(() => null);
      setChecking(false);
      // Without an answer (endpoint unavailable), the server's gate still checks at sending.
      if (found && found.candidates.length > 0) {
        setMatchInput(input);
        return;
      }
    }
    go(1);
  };
  const useCandidate = (person: PersonSummary) => {
    setMatchInput(null);
    setDraft({ ...draft, mode: EXISTING, personId: person.id, personLabel: personName(person, lang), step: 1 });
  };
  const send = () =>
    intake.mutate(intakeBody(draft, personBody), {
      onSuccess: (r) => {
        setSent({ number: r.number, personId: r.personId });
        clear();
      },
      onError: (e) => {
        const paths = e instanceof ApiError ? (e.problem?.errors ?? []).map((x) => x.path.split('.').pop() ?? '') : [];
        if ((e instanceof ApiError && e.problem?.code === DUPLICATES) || paths.some((p) => PERSON_FIELDS.has(p))) go(0);
        else if (paths.length > 0) go(1);
      },
    });

  if (sent) {
    return (
      <>
        <PageHeader title={t('reception.title')} />
        <Alert color={ui.green} title={t('reception.sentTitle')} data-testid={tid.sent}>
          <Stack>
            <Text>{t('reception.sentNumber', { number: sent.number })}</Text>
            <Group>
              {sent.personId && <AnchorLink to={path.person(sent.personId)}>{t('reception.openPerson')}</AnchorLink>}
              <AnchorLink to={path.queue}>{t('reception.openQueue')}</AnchorLink>
              <Button variant={ui.light} onClick={() => setSent(null)}>
                {t('reception.another')}
              </Button>
            </Group>
          </Stack>
        </Alert>
      </>
    );
  }

  return (
    <>
      <PageHeader title={t('reception.title')} />
      <Text c={ui.dimmed} mb={ui.md}>
        {t('reception.draftHint')}
      </Text>
      <Stepper active={draft.step} onStepClick={go} size={ui.sm} data-testid={tid.stepper}>
        <Stepper.Step label={t('reception.stepPerson')}>
          <Stack>
            <SegmentedControl
              fullWidth
              size={ui.md}
              value={draft.mode}
              onChange={(mode) => set({ mode: mode as ReceptionDraft['mode'], acknowledge: false })}
              data={[
                { value: EXISTING, label: t('reception.existing') },
                { value: NEW, label: t('reception.newPerson') },
              ]}
              data-testid={tid.newPerson}
            />
            {draft.mode === EXISTING ? (
              <PersonPicker
                value={draft.personId}
                initial={undefined}
                onChange={(personId, p) => set({ personId, personLabel: p ? personName(p, lang) : '' })}
                error={errors.personId}
                testId={tid.existing}
              />
            ) : (
              <PersonFields short value={draft.person} onChange={(person) => set({ person, acknowledge: false })} errors={errors} />
            )}
            {matchInput && draft.mode === NEW && <CandidatesPanel input={matchInput} onUse={useCandidate} />}
            {(matchInput || duplicates) && draft.mode === NEW && (
              <Alert color={ui.orange} title={t('reception.candidatesTitle')}>
                <Checkbox size={ui.md} label={t('reception.acknowledge')} checked={draft.acknowledge} onChange={(e) => set({ acknowledge: e.currentTarget.checked })} data-testid={tid.acknowledge} />
              </Alert>
            )}
            <Group justify={ui.flexEnd}>
              <Button size={ui.lg} onClick={() => void nextFromPerson()} disabled={!personReady} loading={checking} data-testid={tid.next}>
                {t('reception.next')}
              </Button>
            </Group>
          </Stack>
        </Stepper.Step>
        <Stepper.Step label={t('reception.stepRequest')}>
          <RequestStep draft={draft} set={set} errors={errors} />
          <Group justify={ui.spaceBetween} mt={ui.md}>
            <Button size={ui.lg} variant={ui.default} onClick={() => go(0)} data-testid={tid.back}>
              {t('reception.back')}
            </Button>
            <Button size={ui.lg} onClick={() => go(2)} data-testid={tid.next}>
              {t('reception.next')}
            </Button>
          </Group>
        </Stepper.Step>
        <Stepper.Step label={t('reception.stepSend')}>
          <Stack>
            <Text>
              {draft.mode === EXISTING ? <bdi>{draft.personLabel}</bdi> : <bdi>{personName({ ...draft.person }, lang)}</bdi>}
            </Text>
            <DataProtectionNotice variant={COMPACT} />
            <Text size={ui.sm}>{t('reception.consentHint')}</Text>
            <Checkbox size={ui.lg} label={t('reception.consent')} checked={draft.consentGiven} onChange={(e) => set({ consentGiven: e.currentTarget.checked })} data-testid={tid.consent} />
            <ProblemAlert error={Object.keys(errors).length || duplicates ? null : intake.error} />
            <Group justify={ui.spaceBetween}>
              <Button size={ui.lg} variant={ui.default} onClick={() => go(1)}>
                {t('reception.back')}
              </Button>
              <Button size={ui.lg} onClick={send} loading={intake.isPending} data-testid={tid.send}>
                {t('reception.send')}
              </Button>
            </Group>
          </Stack>
        </Stepper.Step>
      </Stepper>
      <Group justify={ui.flexEnd} mt={ui.xl}>
        <Button variant={ui.subtle} color={ui.red} onClick={clear} data-testid={tid.discard}>
          {t('reception.discard')}
        </Button>
      </Group>
    </>
  );
}

function RequestStep({ draft, set, errors }: { draft: ReceptionDraft; set: (patch: Partial<ReceptionDraft>) => void; errors: Record<string, string> }) {
  const { t } = useTranslation(['beneficiaries', 'registry']);
  const someoneElse = draft.requesterRelation !== SELF || draft.mode === NEW;
  return (
    <Stack>
      <Select
        size={ui.lg}
        label={t('reception.channel')}
        data={DESK_CHANNELS.map((c) => ({ value: c, label: t(`enums.channel.${c}`) }))}
        value={draft.channel}
        onChange={(channel) => set({ channel: channel ?? draft.channel })}
        allowDeselect={false}
        data-testid={tid.channel}
      />
      <Select
        size={ui.lg}
        label={t('reception.point')}
        data={DESK_POINTS.map((p) => ({ value: p, label: t(`enums.receptionPoint.${p}`) }))}
        value={draft.receptionPoint}
        onChange={(receptionPoint) => set({ receptionPoint: receptionPoint ?? draft.receptionPoint })}
        allowDeselect={false}
        data-testid={tid.point}
      />
      <Select
        size={ui.lg}
        label={t('reception.requester')}
        data={requesterRelations.map((r) => ({ value: r, label: t(`enums.requesterRelation.${r}`) }))}
        value={draft.requesterRelation}
        onChange={(requesterRelation) => set({ requesterRelation: requesterRelation ?? draft.requesterRelation })}
        allowDeselect={false}
        data-testid={tid.requester}
      />
      {someoneElse && (
        <>
          <TextInput size={ui.lg} label={t('reception.requesterName')} value={draft.requesterName} onChange={(e) => set({ requesterName: e.currentTarget.value })} error={errors.requesterName} data-testid={tid.requesterName} />
          <TextInput size={ui.lg} label={t('reception.requesterPhone')} value={draft.requesterPhone} onChange={(e) => set({ requesterPhone: e.currentTarget.value })} error={errors.requesterPhone} inputMode={val.tel} dir={ui.ltr} data-testid={tid.requesterPhone} />
        </>
      )}
      <Chip.Group multiple value={draft.needs} onChange={(needs) => set({ needs })}>
        <Text fw={500} id={tid.needs}>
          {t('reception.needs')}
        </Text>
        <Group gap={ui.xs} role={ui.group} aria-labelledby={tid.needs} data-testid={tid.needs}>
          {targetGroups.map((g) => (
            <Chip key={g} value={g} size={ui.md}>
              {t(`registry:enums.targetGroup.${g}`)}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
      <MultiSelect
        size={ui.lg}
        label={t('reception.services')}
        data={serviceTypes.map((s) => ({ value: s, label: t(`registry:enums.serviceType.${s}`) }))}
        value={draft.services}
        onChange={(services) => set({ services })}
        searchable
        data-testid={tid.services}
      />
      <SegmentedControl
        fullWidth
        size={ui.md}
        value={draft.urgency}
        onChange={(urgency) => set({ urgency })}
        data={urgencies.map((u) => ({ value: u, label: t(`enums.urgency.${u}`) }))}
        aria-label={t('reception.urgency')}
        data-testid={tid.urgency}
      />
      <Textarea size={ui.lg} label={t('reception.summary')} value={draft.summary} onChange={(e) => set({ summary: e.currentTarget.value })} error={errors.summary} autosize minRows={2} data-testid={tid.summary} />
      <Textarea size={ui.lg} label={t('reception.notes')} value={draft.listeningNotes} onChange={(e) => set({ listeningNotes: e.currentTarget.value })} error={errors.listeningNotes} autosize minRows={3} data-testid={tid.notes} />
    </Stack>
  );
}
