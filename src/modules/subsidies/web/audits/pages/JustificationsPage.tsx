/**
 * Justifications: the tranches whose spending is still to justify (paid, justified, the remainder
 * and what earlier tranches carried over), where the association starts one; and the list of
 * justifications, filtered by state (the delegation's review queue is "submitted").
 */
import { useState } from 'react';
import { Badge, Button, Select, Stack, Switch, Table, Tabs, Text } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { AnchorLink, ListTable, LoadMore, PageHeader, ProblemAlert, QueryStates, formatDate, ui, useCan, formatMad } from '../../../../../platform/web/index.ts';
import { justificationStates, type JustificationState } from '../../../server/audits/contract.ts';
import { useJustifications, useStartJustification, useTranchesToJustify } from '../queries.ts';
import { path, stateColor, tid } from '../constants.ts';

const tabs = { toJustify: 'to-justify', list: 'list' } as const;

export function JustificationsPage() {
  const { t } = useTranslation('subsidies');
  const can = useCan();
  const [tab, setTab] = useState<string | null>(can('subsidies.justify') ? tabs.toJustify : tabs.list);
  return (
    <>
      <PageHeader title={t('audits.justifications.title')} />
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List mb={ui.md}>
          <Tabs.Tab value={tabs.toJustify}>{t('audits.justifications.toJustify')}</Tabs.Tab>
          <Tabs.Tab value={tabs.list}>{t('audits.justifications.list')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value={tabs.toJustify}>
          <TranchesToJustify />
        </Tabs.Panel>
        <Tabs.Panel value={tabs.list}>
          <JustificationList />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}

function TranchesToJustify() {
  const { t, i18n } = useTranslation('subsidies');
  const lang = i18n.language;
  const can = useCan();
  const navigate = useNavigate();
  const mayJustify = can('subsidies.justify');
  const [outstanding, setOutstanding] = useState(true);
  const query = useTranchesToJustify(outstanding);
  const start = useStartJustification();
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  const open = (justificationId: string) => void navigate({ to: path.justification, params: { justificationId } });
  return (
    <Stack gap={ui.md}>
      <Switch label={t('audits.justifications.outstandingOnly')} checked={outstanding} onChange={(e) => setOutstanding(e.currentTarget.checked)} />
      <ProblemAlert error={start.error} />
      <QueryStates query={query} empty={() => items.length === 0}>
        {() => (
          <>
            <ListTable
              minWidth={900}
              testId={tid.tranchesTable}
              caption={t('audits.justifications.toJustify')}
              headers={[t('audits.fields.convention'), t('audits.fields.association'), t('audits.fields.tranche'), t('audits.fields.paid'), t('audits.fields.justified'), t('audits.fields.remainder'), t('audits.fields.carriedOver'), t('audits.fields.actions')]}
            >
              {items.map((x) => (
                <Table.Tr key={x.trancheId}>
                  <Table.Th scope={ui.row} fw={500}>
                    {x.conventionReference}
                  </Table.Th>
                  <Table.Td>{lang === 'fr' ? x.associationNameFr : x.associationNameAr}</Table.Td>
                  <Table.Td>{t('audits.fields.trancheOf', { year: x.year, position: x.position })}</Table.Td>
                  <Table.Td className="raaya-ltr">{formatMad(x.paidMad, lang)}</Table.Td>
                  <Table.Td className="raaya-ltr">{formatMad(x.justifiedMad, lang)}</Table.Td>
                  <Table.Td className="raaya-ltr" fw={600}>
                    {formatMad(x.remainderMad, lang)}
                  </Table.Td>
                  <Table.Td className="raaya-ltr">{formatMad(x.carriedOverMad, lang)}</Table.Td>
                  <Table.Td>
                    {x.openJustificationId ? (
                      <Button size={ui.xs} variant={ui.light} onClick={() => open(x.openJustificationId!)} data-testid={tid.openJustification(x.trancheId)}>
                        {t('audits.justifications.open')}
                      </Button>
                    ) : (
                      mayJustify &&
                      x.remainderMad !== '0.00' && (
                        <Button size={ui.xs} loading={start.isPending} onClick={() => start.mutate(x.trancheId, { onSuccess: (j) => open(j.id) })} data-testid={tid.startJustification(x.trancheId)}>
                          {t('audits.justifications.start')}
                        </Button>
                      )
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </ListTable>
            <LoadMore query={query} shown={items.length} />
          </>
        )}
      </QueryStates>
    </Stack>
  );
}

function JustificationList() {
  const { t, i18n } = useTranslation('subsidies');
  const lang = i18n.language;
  const can = useCan();
  const [state, setState] = useState<string | null>(can('subsidies.manage') ? 'submitted' : null);
  const query = useJustifications((state ?? undefined) as JustificationState | undefined);
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack gap={ui.md}>
      <Select
        label={t('audits.fields.state')}
        placeholder={t('audits.justifications.allStates')}
        data={justificationStates.map((s) => ({ value: s, label: t(`audits.states.${s}`) }))}
        value={state}
        onChange={setState}
        clearable
        w={{ base: '100%', sm: 260 }}
        data-testid={tid.justificationsState}
      />
      <QueryStates query={query} empty={() => items.length === 0}>
        {() => (
          <>
            <ListTable
              minWidth={860}
              testId={tid.justificationsTable}
              caption={t('audits.justifications.list')}
              headers={[t('audits.fields.convention'), t('audits.fields.association'), t('audits.fields.tranche'), t('audits.fields.state'), t('audits.fields.presented'), t('audits.fields.accepted'), t('audits.fields.submittedOn')]}
            >
              {items.map((j) => (
                <Table.Tr key={j.id}>
                  <Table.Th scope={ui.row} fw={500}>
                    <AnchorLink to={path.justification} params={{ justificationId: j.id }}>
                      {j.conventionReference}
                    </AnchorLink>
                  </Table.Th>
                  <Table.Td>{lang === 'fr' ? j.associationNameFr : j.associationNameAr}</Table.Td>
                  <Table.Td>{t('audits.fields.trancheOf', { year: j.year, position: j.position })}</Table.Td>
                  <Table.Td>
                    <Badge autoContrast color={stateColor[j.state]} variant={ui.filled}>
                      {t(`audits.states.${j.state}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td className="raaya-ltr">{formatMad(j.presentedMad, lang)}</Table.Td>
                  <Table.Td className="raaya-ltr">{j.acceptedMad === null ? <Text component={ui.span} c={ui.dimmed}>{t('audits.fields.none')}</Text> : formatMad(j.acceptedMad, lang)}</Table.Td>
                  <Table.Td>{formatDate(j.submittedOn, lang)}</Table.Td>
                </Table.Tr>
              ))}
            </ListTable>
            <LoadMore query={query} shown={items.length} />
          </>
        )}
      </QueryStates>
    </Stack>
  );
}
