/** My caseload: the case files I follow, the reception requests assigned to me, and follow-ups due soon or late. */
import { useState } from 'react';
import { Button, Paper, Stack, Table, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AnchorLink, EmptyState, ErrorState, ListTable, LoadingState, PageHeader, formatDate, formatDateTime, ui } from '../../../../../platform/web/index.ts';
import { useCaseload } from '../queries.ts';
import { CaseCells } from '../components/CaseCells.tsx';
import { dom, path, tid } from '../constants.ts';
import { personName } from '../format.ts';
import { FollowUpModal } from '../components/FollowUpModal.tsx';

export function CaseloadPage() {
  const { t, i18n } = useTranslation('beneficiaries');
  const lang = i18n.language;
  const query = useCaseload();
  const [followUp, setFollowUp] = useState<{ id: string; caseId: string | null } | null>(null);
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const { cases, requests, followUps } = query.data;
  return (
    <>
      <PageHeader title={t('cases.caseload.title')} />
      <Stack gap={ui.lg}>
        <Paper withBorder p={ui.md} component={ui.section} aria-labelledby={dom.followUpsTitle}>
          <Title order={2} size={ui.h4} id={dom.followUpsTitle} mb={ui.sm}>
            {t('cases.caseload.followUps')}
          </Title>
          {followUps.length === 0 ? (
            <EmptyState />
          ) : (
            <ListTable minWidth={600} testId={tid.caseloadFollowUps} caption={t('cases.caseload.followUps')} headers={[t('cases.file.person'), t('cases.file.number'), t('cases.caseload.due'), t('cases.referrals.actions')]}>
              {followUps.map((f) => (
                <Table.Tr key={f.id}>
                  <Table.Th scope={ui.row} fw={500}>
                    <bdi>{personName(f.person, lang)}</bdi>
                  </Table.Th>
                  <Table.Td>
                    {f.caseId && (
                      <AnchorLink to={path.case} params={{ caseId: f.caseId }}>
                        <bdi>{f.caseNumber}</bdi>
                      </AnchorLink>
                    )}
                  </Table.Td>
                  <Table.Td>{t('cases.caseload.dueLine', { months: f.months, date: formatDate(f.dueOn, lang) })}</Table.Td>
                  <Table.Td>
                    <Button size={ui.xs} variant={ui.light} onClick={() => setFollowUp({ id: f.id, caseId: f.caseId })} data-testid={tid.followUpRecord(f.id)}>
                      {t('cases.followUp.record')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </ListTable>
          )}
        </Paper>
        <Paper withBorder p={ui.md} component={ui.section} aria-labelledby={dom.casesTitle}>
          <Title order={2} size={ui.h4} id={dom.casesTitle} mb={ui.sm}>
            {t('cases.caseload.cases', { n: cases.length })}
          </Title>
          {cases.length === 0 ? (
            <EmptyState />
          ) : (
            <ListTable minWidth={600} testId={tid.caseloadCases} caption={t('cases.caseload.cases', { n: cases.length })} headers={[t('cases.file.number'), t('cases.file.person'), t('cases.file.stage'), t('cases.file.targetGroup')]}>
              {cases.map((c) => (
                <Table.Tr key={c.id}>
                  <CaseCells item={c} />
                </Table.Tr>
              ))}
            </ListTable>
          )}
        </Paper>
        <Paper withBorder p={ui.md} component={ui.section} aria-labelledby={dom.requestsTitle}>
          <Title order={2} size={ui.h4} id={dom.requestsTitle} mb={ui.sm}>
            {t('cases.caseload.requests', { n: requests.length })}
          </Title>
          {requests.length === 0 ? (
            <EmptyState />
          ) : (
            <ListTable minWidth={600} testId={tid.caseloadRequests} caption={t('cases.caseload.requests', { n: requests.length })} headers={[t('cases.caseload.request'), t('cases.file.person'), t('cases.caseload.urgency'), t('cases.caseload.receivedAt')]}>
              {requests.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Th scope={ui.row} fw={500}>
                    <bdi>{r.number}</bdi>
                  </Table.Th>
                  <Table.Td>
                    <bdi>{r.person ? personName(r.person, lang) : (r.requesterName ?? '')}</bdi>
                  </Table.Td>
                  <Table.Td>{t(`enums.urgency.${r.urgency}`)}</Table.Td>
                  <Table.Td>{formatDateTime(r.receivedAt, lang)}</Table.Td>
                </Table.Tr>
              ))}
            </ListTable>
          )}
        </Paper>
      </Stack>
      {followUp && <FollowUpModal id={followUp.id} caseId={followUp.caseId} onClose={() => setFollowUp(null)} />}
    </>
  );
}
