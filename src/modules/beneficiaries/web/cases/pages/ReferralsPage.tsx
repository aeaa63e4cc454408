/**
 * Referrals received (an institution's incoming list, or its delegation's for institutions without
 * accounts) and sent: accept, decline with a reason, complete, cancel — what the reader may do.
 */
import { useState } from 'react';
import { Badge, Button, Group, Modal, SegmentedControl, Select, Stack, Table, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AnchorLink, ListTable, LoadMore, PageHeader, ProblemAlert, QueryStates, formatDate, nameIn, ui } from '../../../../../platform/web/index.ts';
import { referralStates } from '../../../contract/enums.ts';
import type { ReferralItem } from '../../../contract/cases.ts';
import { actOnReferral, useCaseSideWrite, useReferrals } from '../queries.ts';
import { act, fld, path, tid } from '../constants.ts';
import { personName, referralColor } from '../format.ts';

export function ReferralsPage() {
  const { t, i18n } = useTranslation('beneficiaries');
  const { t: tR } = useTranslation('registry');
  const lang = i18n.language;
  const [direction, setDirection] = useState<string>(fld.incoming);
  const [state, setState] = useState<string | null>(null);
  const query = useReferrals({ direction: direction as 'incoming' | 'outgoing', state: (state ?? undefined) as never });
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <PageHeader title={t('cases.referrals.title')} />
      <Group mb={ui.md} align={ui.flexEnd} wrap={ui.wrap}>
        <SegmentedControl
          value={direction}
          onChange={setDirection}
          data={[
            { value: fld.incoming, label: t('cases.referrals.incoming') },
            { value: fld.outgoing, label: t('cases.referrals.outgoing') },
          ]}
          aria-label={t('cases.referrals.direction')}
          data-testid={tid.referralsDirection}
        />
        <Select
          label={t('cases.referrals.state')}
          placeholder={t('cases.referrals.allStates')}
          data={referralStates.map((s) => ({ value: s, label: t(`enums.referralState.${s}`) }))}
          value={state}
          onChange={setState}
          clearable
          w={{ base: '100%', sm: 220 }}
          data-testid={tid.referralsState}
        />
      </Group>
      <QueryStates query={query} empty={() => items.length === 0}>
        {() => (
          <>
            <ListTable
              minWidth={900}
              testId={tid.referralsTable}
              caption={t('cases.referrals.title')}
              headers={[t('cases.file.person'), t('cases.referrals.to'), t('cases.referral.service'), t('cases.referrals.from'), t('cases.referrals.proposedOn'), t('cases.referrals.state'), t('cases.referrals.actions')]}
            >
              {items.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Th scope={ui.row} fw={500}>
                    {r.caseNumber ? (
                      <AnchorLink to={path.case} params={{ caseId: r.caseId }}>
                        <bdi>{personName(r.person, lang)}</bdi>
                      </AnchorLink>
                    ) : (
                      <bdi>{personName(r.person, lang)}</bdi>
                    )}
                  </Table.Th>
                  <Table.Td>{r.institution ? nameIn(r.institution, lang) : (r.outsideService ?? '')}</Table.Td>
                  <Table.Td>{tR(`enums.serviceType.${r.service}`)}</Table.Td>
                  <Table.Td>{nameIn(r.fromDelegation, lang)}</Table.Td>
                  <Table.Td>{formatDate(r.proposedOn, lang)}</Table.Td>
                  <Table.Td>
                    <Badge color={referralColor[r.state]} variant={ui.filled}>
                      {t(`enums.referralState.${r.state}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Actions referral={r} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </ListTable>
            <LoadMore query={query} shown={items.length} />
          </>
        )}
      </QueryStates>
    </>
  );
}

/** The receiving register, whose waiting list has the "Admit" action. */
const registerTab = { tab: 'register' };

function Actions({ referral }: { referral: ReferralItem }) {
  const { t } = useTranslation('beneficiaries');
  const [declining, setDeclining] = useState(false);
  const accept = useCaseSideWrite(referral.caseNumber ? referral.caseId : null, actOnReferral(referral.id, 'accept'));
  const complete = useCaseSideWrite(referral.caseNumber ? referral.caseId : null, actOnReferral(referral.id, 'complete'));
  const cancel = useCaseSideWrite(referral.caseNumber ? referral.caseId : null, actOnReferral(referral.id, 'cancel'));
  const buttons = [
    { action: 'accept', mutation: accept },
    { action: 'complete', mutation: complete },
    { action: 'cancel', mutation: cancel },
  ] as const;
  return (
    <Stack gap={4}>
      <ProblemAlert error={accept.error ?? complete.error ?? cancel.error} />
      <Group gap={4} wrap={ui.nowrap}>
        {buttons
          .filter((b) => referral.can.includes(b.action))
          .map((b) => (
            <Button key={b.action} size={ui.xs} variant={ui.default} loading={b.mutation.isPending} onClick={() => b.mutation.mutate({})} data-testid={tid.referralAction(b.action, referral.id)}>
              {t(`cases.referrals.do.${b.action}`)}
            </Button>
          ))}
        {referral.state === 'accepted' && referral.institution && (
          <AnchorLink to={path.institution} params={{ institutionId: referral.institution.id }} search={registerTab} size={ui.sm} data-testid={tid.referralAction(act.register, referral.id)}>
            {t('cases.referrals.toRegister')}
          </AnchorLink>
        )}
        {referral.can.includes('decline') && (
          <Button size={ui.xs} variant={ui.default} onClick={() => setDeclining(true)} data-testid={tid.referralAction(act.decline, referral.id)}>
            {t('cases.referrals.do.decline')}
          </Button>
        )}
      </Group>
      {declining && <DeclineModal referral={referral} onClose={() => setDeclining(false)} />}
    </Stack>
  );
}

function DeclineModal({ referral, onClose }: { referral: ReferralItem; onClose: () => void }) {
  const { t } = useTranslation('beneficiaries');
  const mutation = useCaseSideWrite(referral.caseNumber ? referral.caseId : null, actOnReferral(referral.id, 'decline'));
  const [reason, setReason] = useState('');
  return (
    <Modal opened onClose={onClose} closeButtonProps={{ 'aria-label': t('cases.close') }} title={t('cases.referrals.do.decline')} centered>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          mutation.mutate({ reason }, { onSuccess: onClose });
        }}
      >
        <Stack gap={ui.sm}>
          <ProblemAlert error={mutation.error} />
          <Textarea label={t('cases.referrals.declineReason')} required autosize minRows={3} maxLength={1000} value={reason} onChange={(e) => setReason(e.currentTarget.value)} data-testid={tid.f.declineReason} />
          <Group justify={ui.end}>
            <Button type="submit" color={ui.red} loading={mutation.isPending} data-testid={tid.s.decline}>
              {t('cases.referrals.do.decline')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
