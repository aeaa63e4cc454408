/**
 * Amendments (avenants): each with its reason, the terms it replaced, its approval state and its
 * signature date. Opening one reopens terms and funding through a new approval; once approved,
 * its signature date is recorded here.
 */
import { useState } from 'react';
import { Badge, Button, Group, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ProblemAlert, fieldMessage, formErrorMap, formatDate, todayInMorocco, ui, formatMad } from '../../../../platform/web/index.ts';
import { stateColor } from '../../../../platform/approvals/web/index.ts';
import type { SubmissionState } from '../../../../platform/approvals/document-types.ts';
import { AmendmentBody, type Convention } from '../../server/conventions/contract.ts';
import { useConventionWrite } from './queries.ts';
import { fld, look, sec, tid } from './constants.ts';
import { SectionCard } from './SectionCard.tsx';

type ApprovalState = SubmissionState;

export function AmendmentsSection({ convention: c }: { convention: Convention }) {
  const { t, i18n } = useTranslation('subsidies');
  const { t: tA } = useTranslation('approvals');
  const lang = i18n.language;
  const [opening, setOpening] = useState(false);
  if (c.status === 'draft' && c.amendments.length === 0) return null;
  const previous = (terms: Record<string, unknown>) =>
    t('conventions.amendments.previous', { total: formatMad(String(terms.totalMad ?? '0'), lang), startsOn: formatDate(String(terms.startsOn ?? ''), lang), endsOn: formatDate(String(terms.endsOn ?? ''), lang) });
  return (
    <SectionCard id={sec.amendments} title={t('conventions.amendments.title')}>
      <Stack gap={ui.md}>
        {c.amendments.length === 0 ? (
          <Text c={ui.dimmed}>{t('conventions.amendments.none')}</Text>
        ) : (
          <Table withTableBorder>
            <Table.Tbody>
              {c.amendments.map((v) => (
                <Table.Tr key={v.amendment}>
                  <Table.Th scope={ui.row}>{t('conventions.amendments.number', { n: v.amendment })}</Table.Th>
                  <Table.Td>
                    <Text style={look.preWrap}>{lang === 'fr' ? v.reasonFr : v.reasonAr}</Text>
                    <Text size={ui.sm} c={ui.dimmed}>
                      {previous(v.previousTerms)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge color={stateColor[v.submissionState as ApprovalState] ?? ui.gray} variant={ui.filled}>
                      {tA(`states.${v.submissionState as ApprovalState}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{v.signedOn ? formatDate(v.signedOn, lang) : t('conventions.amendments.notSigned')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {c.can.signAmendment && <SignAmendment convention={c} />}
        {c.can.amend && !opening && (
          <Group>
            <Button variant={ui.default} onClick={() => setOpening(true)} data-testid={tid.amendmentOpen}>
              {t('conventions.amendments.open')}
            </Button>
          </Group>
        )}
        {c.can.amend && opening && <OpenAmendment convention={c} onDone={() => setOpening(false)} />}
      </Stack>
    </SectionCard>
  );
}

function OpenAmendment({ convention, onDone }: { convention: Convention; onDone: () => void }) {
  const { t } = useTranslation('subsidies');
  const mutation = useConventionWrite(convention.id, '/amendments', 'post');
  const form = useForm({ resolver: zodResolver(AmendmentBody, { error: formErrorMap }), defaultValues: { reasonAr: '', reasonFr: '' } });
  const e = form.formState.errors;
  return (
    <form noValidate onSubmit={form.handleSubmit((body) => mutation.mutate(body, { onSuccess: onDone }))}>
      <Stack gap={ui.sm}>
        <Text size={ui.sm}>{t('conventions.amendments.intro')}</Text>
        <ProblemAlert error={mutation.error} />
        <Textarea label={t('conventions.amendments.reasonAr')} dir={ui.rtl} autosize error={fieldMessage(e.reasonAr?.message)} {...form.register(fld.reasonAr)} data-testid={tid.amendmentField(fld.reasonAr)} />
        <Textarea label={t('conventions.amendments.reasonFr')} dir={ui.ltr} autosize error={fieldMessage(e.reasonFr?.message)} {...form.register(fld.reasonFr)} data-testid={tid.amendmentField(fld.reasonFr)} />
        <Group>
          <Button type="submit" loading={mutation.isPending} data-testid={tid.amendmentSubmit}>
            {t('conventions.amendments.openSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function SignAmendment({ convention }: { convention: Convention }) {
  const { t } = useTranslation('subsidies');
  const mutation = useConventionWrite(convention.id, `/amendments/${convention.amendment}/sign`, 'post');
  const today = todayInMorocco();
  const [signedOn, setSignedOn] = useState(today);
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        mutation.mutate({ signedOn });
      }}
    >
      <Group align={ui.flexEnd}>
        <TextInput type={look.date} max={today} label={t('conventions.amendments.signDate')} value={signedOn} onChange={(e) => setSignedOn(e.currentTarget.value)} data-testid={tid.amendmentSignDate} />
        <Button type="submit" color={ui.green} loading={mutation.isPending} data-testid={tid.amendmentSign}>
          {t('conventions.amendments.sign')}
        </Button>
      </Group>
      <ProblemAlert error={mutation.error} />
    </form>
  );
}
