/**
 * The minimum daily cost per beneficiary of each legal category and year (the reference the cost
 * per beneficiary-day is compared with); the reference administrator sets, corrects or removes one.
 */
import { useState } from 'react';
import { Button, Group, Modal, NumberInput, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ListTable, PageHeader, ProblemAlert, QueryStates, ui, useCan, formatMad, serverFieldError } from '../../../../../platform/web/index.ts';
import { legalCategories, type DailyCost, type LegalCategory } from '../../../server/budget/contract.ts';
import { useDailyCosts, useDeleteDailyCost, usePutDailyCost } from '../queries.ts';
import { NEW, fld, look, tid } from '../constants.ts';

const thisYear = new Date().getFullYear();
const years = Array.from({ length: 8 }, (_, i) => String(thisYear + 2 - i));

export function DailyCostsPage() {
  const { t, i18n } = useTranslation('finance');
  const lang = i18n.language;
  const can = useCan();
  const admin = can('reference.manage');
  const [year, setYear] = useState<string | null>(String(thisYear));
  const [editing, setEditing] = useState<DailyCost | 'new' | null>(null);
  const query = useDailyCosts(year ? Number(year) : undefined);
  const remove = useDeleteDailyCost();
  const items = query.data?.items ?? [];
  return (
    <>
      <PageHeader
        title={t('budget.dailyCosts.title')}
        actions={
          admin && (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing(NEW)} data-testid={tid.costSet}>
              {t('budget.dailyCosts.set')}
            </Button>
          )
        }
      >
        <Text size={ui.sm} c={ui.dimmed}>
          {t('budget.dailyCosts.help')}
        </Text>
      </PageHeader>
      <Group mb={ui.md}>
        <Select label={t('budget.dailyCosts.year')} data={years} value={year} onChange={setYear} clearable w={{ base: '100%', sm: 200 }} data-testid={tid.costsYear} />
      </Group>
      <ProblemAlert error={remove.error} />
      <QueryStates query={query} empty={() => items.length === 0}>
        {() => (
          <ListTable
            minWidth={640}
            testId={tid.costsTable}
            caption={t('budget.dailyCosts.table')}
            headers={[t('budget.dailyCosts.category'), t('budget.dailyCosts.year'), t('budget.dailyCosts.amount'), ...(admin ? [''] : [])]}
          >
            {items.map((r) => (
              <Table.Tr key={`${r.legalCategory}-${r.year}`}>
                <Table.Th scope={ui.row} fw={400}>
                  {t(`budget.categories.${r.legalCategory}`)}
                </Table.Th>
                <Table.Td>{r.year}</Table.Td>
                <Table.Td className="raaya-ltr">{formatMad(r.amountMad, lang)}</Table.Td>
                {admin && (
                  <Table.Td>
                    <Group gap={ui.xs}>
                      <Button size={ui.xs} variant={ui.subtle} onClick={() => setEditing(r)} data-testid={tid.costEdit(r.legalCategory, r.year)}>
                        {t('budget.dailyCosts.edit')}
                      </Button>
                      <Button
                        size={ui.xs}
                        variant={ui.subtle}
                        color={ui.red}
                        loading={remove.isPending}
                        onClick={() => {
                          if (window.confirm(t('budget.dailyCosts.removeConfirm', { category: t(`budget.categories.${r.legalCategory}`), year: r.year }))) remove.mutate({ category: r.legalCategory, year: r.year });
                        }}
                        data-testid={tid.costRemove(r.legalCategory, r.year)}
                      >
                        {t('budget.dailyCosts.remove')}
                      </Button>
                    </Group>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </ListTable>
        )}
      </QueryStates>
      {editing && <CostForm cost={editing === NEW ? null : editing} defaultYear={Number(year ?? thisYear)} onClose={() => setEditing(null)} />}
    </>
  );
}

function CostForm({ cost, defaultYear, onClose }: { cost: DailyCost | null; defaultYear: number; onClose: () => void }) {
  const { t } = useTranslation('finance');
  const mutation = usePutDailyCost();
  const [category, setCategory] = useState<LegalCategory>(cost?.legalCategory ?? 'schooled_children');
  const [year, setYear] = useState<number | string>(cost?.year ?? defaultYear);
  const [amount, setAmount] = useState(cost?.amountMad ?? '');
  const amountError = serverFieldError(mutation.error, 'amountMad');
  return (
    <Modal opened onClose={onClose} closeButtonProps={{ 'aria-label': t('budget.close') }} title={t('budget.dailyCosts.set')} centered>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          mutation.mutate({ category, year: Number(year), amountMad: amount }, { onSuccess: onClose });
        }}
      >
        <Stack gap={ui.sm}>
          <ProblemAlert error={mutation.error} />
          <Select
            label={t('budget.dailyCosts.category')}
            required
            disabled={cost !== null}
            data={legalCategories.map((c) => ({ value: c, label: t(`budget.categories.${c}`) }))}
            value={category}
            onChange={(v) => v && setCategory(v as LegalCategory)}
            allowDeselect={false}
            data-testid={tid.costField(fld.category)}
          />
          <NumberInput label={t('budget.dailyCosts.year')} required disabled={cost !== null} min={2000} max={2100} allowDecimal={false} value={year} onChange={setYear} w={look.amountWidth} data-testid={tid.costField(fld.year)} />
          <TextInput label={t('budget.dailyCosts.amount')} required inputMode={look.decimal} dir={ui.ltr} value={amount} onChange={(e) => setAmount(e.currentTarget.value)} error={amountError} w={look.amountWidth} data-testid={tid.costField(fld.amount)} />
          <Group justify={ui.end}>
            <Button type="submit" loading={mutation.isPending} data-testid={tid.costSave}>
              {t('budget.dailyCosts.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
