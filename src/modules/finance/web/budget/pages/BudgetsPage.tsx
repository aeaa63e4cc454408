/** Annual budgets: filter by year and state, keyset paging; the institution's director or accountant creates one. */
import { useState } from 'react';
import { Badge, Button, Group, Modal, NumberInput, Select, Stack, Table } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { AnchorLink, ListTable, LoadMore, PageHeader, ProblemAlert, QueryStates, formatDateTime, ui, useCurrentUser, formatMad } from '../../../../../platform/web/index.ts';
import { SubmissionStateSelect, stateColor } from '../../../../../platform/approvals/web/index.ts';
import { institutionBudget } from '../../../approval.ts';
import { useBudgets, useCreateBudget } from '../queries.ts';
import { look, path, tid } from '../constants.ts';

const thisYear = new Date().getFullYear();
const years = Array.from({ length: 6 }, (_, i) => String(thisYear + 1 - i));
const authorRoles: readonly string[] = institutionBudget.chain[0]!.roles;

export function BudgetsPage() {
  const { t, i18n } = useTranslation('finance');
  const { t: tA } = useTranslation('approvals');
  const lang = i18n.language;
  const me = useCurrentUser();
  const [year, setYear] = useState<string | null>(null);
  const [state, setState] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const query = useBudgets({ year: year ? Number(year) : undefined, state: state ?? undefined });
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  const institutionId = me.scope.level === 'institution' && authorRoles.includes(me.role) ? me.scope.institutionId : null;
  return (
    <>
      <PageHeader
        title={t('budget.list.title')}
        actions={
          institutionId && (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)} data-testid={tid.budgetCreate}>
              {t('budget.list.create')}
            </Button>
          )
        }
      />
      <Group mb={ui.md} align={ui.flexEnd} wrap={ui.wrap}>
        <Select label={t('budget.list.year')} placeholder={t('budget.list.allYears')} data={years} value={year} onChange={setYear} clearable w={{ base: '100%', sm: 200 }} data-testid={tid.budgetsYear} />
        <SubmissionStateSelect label={t('budget.list.state')} placeholder={t('budget.list.allStates')} value={state} onChange={setState} testId={tid.budgetsState} />
      </Group>
      <QueryStates query={query} empty={() => items.length === 0}>
        {() => (
          <>
            <ListTable
              minWidth={860}
              testId={tid.budgetsTable}
              caption={t('budget.list.table')}
              headers={[t('budget.list.institution'), t('budget.list.year'), t('budget.list.version'), t('budget.list.state'), t('budget.list.level'), t('budget.list.revenue'), t('budget.list.expenditure'), t('budget.list.updatedAt')]}
            >
              {items.map((b) => (
                <Table.Tr key={b.id}>
                  <Table.Th scope={ui.row} fw={500}>
                    <AnchorLink to={path.budget} params={{ budgetId: b.id }}>
                      {lang === 'fr' ? b.institutionNameFr : b.institutionNameAr}
                    </AnchorLink>
                  </Table.Th>
                  <Table.Td>{b.year}</Table.Td>
                  <Table.Td>{b.version}</Table.Td>
                  <Table.Td>
                    <Badge color={stateColor[b.state]} variant={ui.filled}>
                      {tA(`states.${b.state}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{b.state === 'submitted' ? tA(`levels.${b.level}`) : ''}</Table.Td>
                  <Table.Td className="raaya-ltr">{formatMad(b.revenueMad, lang)}</Table.Td>
                  <Table.Td className="raaya-ltr">{formatMad(b.expenditureMad, lang)}</Table.Td>
                  <Table.Td>{formatDateTime(b.updatedAt, lang)}</Table.Td>
                </Table.Tr>
              ))}
            </ListTable>
            <LoadMore query={query} shown={items.length} />
          </>
        )}
      </QueryStates>
      {creating && institutionId && <CreateBudget institutionId={institutionId} onClose={() => setCreating(false)} />}
    </>
  );
}

function CreateBudget({ institutionId, onClose }: { institutionId: string; onClose: () => void }) {
  const { t } = useTranslation('finance');
  const navigate = useNavigate();
  const mutation = useCreateBudget();
  const [year, setYear] = useState<number | string>(thisYear + 1);
  return (
    <Modal opened onClose={onClose} closeButtonProps={{ 'aria-label': t('budget.close') }} title={t('budget.list.create')} centered>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          mutation.mutate({ institutionId, year: Number(year) }, { onSuccess: (budget) => void navigate({ to: path.budget, params: { budgetId: budget.id } }) });
        }}
      >
        <Stack gap={ui.md}>
          <ProblemAlert error={mutation.error} />
          <NumberInput label={t('budget.list.year')} required min={2020} max={2100} allowDecimal={false} value={year} onChange={setYear} w={look.amountWidth} data-testid={tid.budgetCreateYear} />
          <Group justify={ui.end}>
            <Button type="submit" loading={mutation.isPending} data-testid={tid.budgetCreateSubmit}>
              {t('budget.list.createSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
