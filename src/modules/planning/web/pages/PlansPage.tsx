/** Annual action plans: filter by year and state, keyset paging; the delegation's author creates one. */
import { useState } from 'react';
import { Badge, Button, Group, Modal, NumberInput, Select, Stack, Table } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { AnchorLink, ListTable, LoadMore, PageHeader, ProblemAlert, QueryStates, formatDateTime, ui, useCurrentUser } from '../../../../platform/web/index.ts';
import { SubmissionStateSelect, stateColor } from '../../../../platform/approvals/web/index.ts';
import { useCreatePlan, usePlans } from '../queries.ts';
import { path, tid } from '../constants.ts';
import { formatAmount } from '../format.ts';

const thisYear = new Date().getFullYear();
const years = Array.from({ length: 6 }, (_, i) => String(thisYear + 2 - i));

export function PlansPage() {
  const { t, i18n } = useTranslation('planning');
  const { t: tA } = useTranslation('approvals');
  const lang = i18n.language;
  const me = useCurrentUser();
  const [year, setYear] = useState<string | null>(null);
  const [state, setState] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const query = usePlans({ year: year ? Number(year) : undefined, state: state ?? undefined });
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  const mayCreate = me.scope.level === 'delegation' && (me.role === 'provincial_delegate' || me.role === 'system_admin');
  return (
    <>
      <PageHeader
        title={t('plans.title')}
        actions={
          mayCreate && (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)} data-testid={tid.planCreate}>
              {t('plans.create')}
            </Button>
          )
        }
      />
      <Group mb={ui.md} align={ui.flexEnd} wrap={ui.wrap}>
        <Select label={t('plans.year')} placeholder={t('plans.allYears')} data={years} value={year} onChange={setYear} clearable w={{ base: '100%', sm: 200 }} data-testid={tid.plansYear} />
        <SubmissionStateSelect label={t('plans.state')} placeholder={t('plans.allStates')} value={state} onChange={setState} testId={tid.plansState} />
      </Group>
      <QueryStates query={query} empty={() => items.length === 0}>
        {() => (
          <>
            <ListTable
              minWidth={720}
              testId={tid.plansTable}
              caption={t('plans.table')}
              headers={[t('plans.delegation'), t('plans.year'), t('plans.state'), t('plans.level'), t('plans.budget'), t('plans.updatedAt')]}
            >
              {items.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Th scope={ui.row} fw={500}>
                    <AnchorLink to={path.plan} params={{ planId: p.id }}>
                      {lang === 'fr' ? p.delegationNameFr : p.delegationNameAr}
                    </AnchorLink>
                  </Table.Th>
                  <Table.Td>{p.year}</Table.Td>
                  <Table.Td>
                    <Badge color={stateColor[p.state]} variant={ui.filled}>
                      {tA(`states.${p.state}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{p.state === 'submitted' ? tA(`levels.${p.level}`) : ''}</Table.Td>
                  <Table.Td className="raaya-ltr">{formatAmount(p.totalBudgetMad, lang)}</Table.Td>
                  <Table.Td>{formatDateTime(p.updatedAt, lang)}</Table.Td>
                </Table.Tr>
              ))}
            </ListTable>
            <LoadMore query={query} shown={items.length} />
          </>
        )}
      </QueryStates>
      {creating && me.scope.delegationId && <CreatePlan delegationId={me.scope.delegationId} onClose={() => setCreating(false)} />}
    </>
  );
}

function CreatePlan({ delegationId, onClose }: { delegationId: string; onClose: () => void }) {
  const { t } = useTranslation('planning');
  const navigate = useNavigate();
  const mutation = useCreatePlan();
  const [year, setYear] = useState<number | string>(thisYear + 1);
  return (
    <Modal opened onClose={onClose} title={t('plans.create')} centered>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          mutation.mutate({ delegationId, year: Number(year) }, { onSuccess: (plan) => void navigate({ to: path.plan, params: { planId: plan.id } }) });
        }}
      >
        <Stack gap={ui.md}>
          <ProblemAlert error={mutation.error} />
          <NumberInput label={t('plans.year')} required min={2020} max={2100} allowDecimal={false} value={year} onChange={setYear} data-testid={tid.planCreateYear} />
          <Group justify={ui.end}>
            <Button type="submit" loading={mutation.isPending} data-testid={tid.planCreateSubmit}>
              {t('plans.createSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
