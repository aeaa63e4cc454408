/**
 * The national chart of budget lines: revenue by source and expenditure by section, with their
 * sub-lines, PCA accounts and particulars; the reference administrator adds, corrects and retires lines.
 */
import { useState } from 'react';
import { Badge, Button, Checkbox, Group, Modal, MultiSelect, NumberInput, Select, SimpleGrid, Stack, Table, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ApiError, ListTable, PageHeader, ProblemAlert, QueryStates, ui, useCan } from '../../../../../platform/web/index.ts';
import { budgetSectionKeys, legalCategories, lineKinds, type ChartLine, type LegalCategory, type LineKind } from '../../../server/budget/contract.ts';
import { useChart, useCreateLine, useUpdateLine } from '../queries.ts';
import { NEW, fld, kindOf, tid } from '../constants.ts';

const thisYear = new Date().getFullYear();
const years = Array.from({ length: 6 }, (_, i) => String(thisYear + 2 - i));

export function ChartPage() {
  const { t, i18n } = useTranslation('finance');
  const lang = i18n.language;
  const can = useCan();
  const [year, setYear] = useState<string | null>(String(thisYear));
  const [editing, setEditing] = useState<ChartLine | 'new' | null>(null);
  const query = useChart(year ? Number(year) : undefined);
  const items = query.data?.items ?? [];
  const admin = can('reference.manage');
  const validity = (l: ChartLine) => (l.validTo ? t('budget.chart.range', { from: l.validFrom, to: l.validTo }) : t('budget.chart.since', { from: l.validFrom }));
  return (
    <>
      <PageHeader
        title={t('budget.chart.title')}
        actions={
          admin && (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing(NEW)} data-testid={tid.chartAdd}>
              {t('budget.chart.add')}
            </Button>
          )
        }
      />
      <Group mb={ui.md}>
        <Select label={t('budget.chart.year')} placeholder={t('budget.chart.allYears')} data={years} value={year} onChange={setYear} clearable w={{ base: '100%', sm: 220 }} data-testid={tid.chartYear} />
      </Group>
      <QueryStates query={query} empty={() => items.length === 0}>
        {() => (
          <ListTable
            minWidth={900}
            testId={tid.chartTable}
            caption={t('budget.chart.table')}
            headers={[t('budget.chart.code'), t('budget.chart.name'), t('budget.chart.kind'), t('budget.chart.section'), t('budget.chart.pca'), t('budget.chart.flags'), t('budget.chart.validity'), ...(admin ? [''] : [])]}
          >
            {items.map((l) => (
              <Table.Tr key={l.code}>
                <Table.Td className="raaya-ltr">{l.code}</Table.Td>
                <Table.Th scope={ui.row} fw={l.postable ? 400 : 600} ps={l.parentCode ? ui.xl : undefined}>
                  {lang === 'fr' ? l.nameFr : l.nameAr}
                </Table.Th>
                <Table.Td>{t(`budget.kinds.${l.kind}`)}</Table.Td>
                <Table.Td>{l.section ? t(`budget.lineSections.${l.section}`) : ''}</Table.Td>
                <Table.Td className="raaya-ltr">{l.pcaAccount ?? ''}</Table.Td>
                <Table.Td>
                  <Group gap={ui.xs}>
                    {!l.postable && <Badge variant={ui.outline}>{t('budget.chart.heading')}</Badge>}
                    {l.isGrant && <Badge color={ui.blue}>{t('budget.chart.grant')}</Badge>}
                    {l.isFood && <Badge color={ui.green}>{t('budget.chart.food')}</Badge>}
                    {l.allowedCategories?.map((c) => (
                      <Badge key={c} color={ui.orange} variant={ui.light}>
                        {t(`budget.categories.${c}`)}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>{validity(l)}</Table.Td>
                {admin && (
                  <Table.Td>
                    <Button size={ui.xs} variant={ui.subtle} onClick={() => setEditing(l)} data-testid={tid.chartEdit(l.code)}>
                      {t('budget.chart.edit')}
                    </Button>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </ListTable>
        )}
      </QueryStates>
      {editing && <LineForm line={editing === NEW ? null : editing} parents={items.filter((l) => !l.parentCode)} onClose={() => setEditing(null)} />}
    </>
  );
}

interface Draft {
  code: string;
  kind: LineKind;
  section: string | null;
  parentCode: string | null;
  nameAr: string;
  nameFr: string;
  pcaAccount: string;
  isGrant: boolean;
  isFood: boolean;
  allowedCategories: LegalCategory[];
  position: number | string;
  validFrom: number | string;
  validTo: number | string;
}

const draftOf = (l: ChartLine | null): Draft => ({
  code: l?.code ?? '',
  kind: l?.kind ?? 'expenditure',
  section: l ? l.section : 'operating',
  parentCode: l?.parentCode ?? null,
  nameAr: l?.nameAr ?? '',
  nameFr: l?.nameFr ?? '',
  pcaAccount: l?.pcaAccount ?? '',
  isGrant: l?.isGrant ?? false,
  isFood: l?.isFood ?? false,
  allowedCategories: l?.allowedCategories ?? [],
  position: l?.position ?? 0,
  validFrom: l?.validFrom ?? thisYear,
  validTo: l?.validTo ?? '',
});

/** Adds a line (code, kind, section and heading are fixed once created) or corrects one. */
function LineForm({ line, parents, onClose }: { line: ChartLine | null; parents: ChartLine[]; onClose: () => void }) {
  const { t, i18n } = useTranslation('finance');
  const lang = i18n.language;
  const create = useCreateLine();
  const update = useUpdateLine();
  const mutation = line ? update : create;
  const [d, setD] = useState<Draft>(draftOf(line));
  const set = (patch: Partial<Draft>) => setD({ ...d, ...patch });
  const fields = {
    nameAr: d.nameAr,
    nameFr: d.nameFr,
    pcaAccount: d.pcaAccount.trim() || null,
    isGrant: d.isGrant,
    isFood: d.isFood,
    allowedCategories: d.allowedCategories.length ? d.allowedCategories : null,
    position: Number(d.position) || 0,
    validFrom: Number(d.validFrom),
    validTo: d.validTo === '' ? null : Number(d.validTo),
  };
  const errorsOf = mutation.error instanceof ApiError ? (mutation.error.problem?.errors ?? []) : [];
  const err = (path: string) => errorsOf.find((e) => e.path === path)?.message;
  return (
    <Modal opened onClose={onClose} closeButtonProps={{ 'aria-label': t('budget.close') }} title={line ? t('budget.chart.editTitle', { code: line.code }) : t('budget.chart.add')} centered size={ui.lg}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const done = { onSuccess: onClose };
          if (line) update.mutate({ code: line.code, body: fields }, done);
          else create.mutate({ code: d.code, kind: d.kind, section: d.kind === 'expenditure' ? (d.section as ChartLine['section']) : null, parentCode: d.parentCode, ...fields }, done);
        }}
      >
        <Stack gap={ui.sm}>
          <ProblemAlert error={mutation.error} />
          {!line && (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label={t('budget.chart.code')} required value={d.code} onChange={(e) => set({ code: e.currentTarget.value })} error={err(fld.code)} data-testid={tid.chartField(fld.code)} />
              <Select label={t('budget.chart.kind')} required data={lineKinds.map((k) => ({ value: k, label: t(`budget.kinds.${k}`) }))} value={d.kind} onChange={(v) => set({ kind: (v ?? kindOf.expenditure) as LineKind })} allowDeselect={false} />
              {d.kind === 'expenditure' && (
                <Select label={t('budget.chart.section')} required data={budgetSectionKeys.map((s) => ({ value: s, label: t(`budget.lineSections.${s}`) }))} value={d.section} onChange={(v) => set({ section: v })} error={err(fld.section)} allowDeselect={false} />
              )}
              <Select
                label={t('budget.chart.parent')}
                placeholder={t('budget.chart.noParent')}
                data={parents.filter((p) => p.kind === d.kind && (d.kind === 'revenue' || p.section === d.section)).map((p) => ({ value: p.code, label: lang === 'fr' ? p.nameFr : p.nameAr }))}
                value={d.parentCode}
                onChange={(v) => set({ parentCode: v })}
                clearable
                error={err(fld.parentCode)}
              />
            </SimpleGrid>
          )}
          <TextInput label={t('budget.chart.nameAr')} required dir={ui.rtl} value={d.nameAr} onChange={(e) => set({ nameAr: e.currentTarget.value })} error={err(fld.nameAr)} data-testid={tid.chartField(fld.nameAr)} />
          <TextInput label={t('budget.chart.nameFr')} required dir={ui.ltr} value={d.nameFr} onChange={(e) => set({ nameFr: e.currentTarget.value })} error={err(fld.nameFr)} data-testid={tid.chartField(fld.nameFr)} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('budget.chart.pca')} dir={ui.ltr} value={d.pcaAccount} onChange={(e) => set({ pcaAccount: e.currentTarget.value })} error={err(fld.pcaAccount)} data-testid={tid.chartField(fld.pcaAccount)} />
            <NumberInput label={t('budget.chart.position')} min={0} max={100000} allowDecimal={false} value={d.position} onChange={(v) => set({ position: v })} />
            <NumberInput label={t('budget.chart.validFrom')} required min={2000} max={2100} allowDecimal={false} value={d.validFrom} onChange={(v) => set({ validFrom: v })} error={err(fld.validFrom)} />
            <NumberInput label={t('budget.chart.validTo')} min={2000} max={2100} allowDecimal={false} value={d.validTo} onChange={(v) => set({ validTo: v })} error={err(fld.validTo)} data-testid={tid.chartField(fld.validTo)} />
          </SimpleGrid>
          {(line?.kind ?? d.kind) === 'revenue' ? (
            <>
              <Checkbox label={t('budget.chart.grant')} checked={d.isGrant} onChange={(e) => set({ isGrant: e.currentTarget.checked })} error={err(fld.isGrant)} />
              <MultiSelect label={t('budget.chart.allowed')} data={legalCategories.map((c) => ({ value: c, label: t(`budget.categories.${c}`) }))} value={d.allowedCategories} onChange={(v) => set({ allowedCategories: v as LegalCategory[] })} clearable />
            </>
          ) : (
            <Checkbox label={t('budget.chart.food')} checked={d.isFood} onChange={(e) => set({ isFood: e.currentTarget.checked })} error={err(fld.isFood)} />
          )}
          <Group justify={ui.end}>
            <Button type="submit" loading={mutation.isPending} data-testid={tid.chartSave}>
              {t('budget.chart.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
