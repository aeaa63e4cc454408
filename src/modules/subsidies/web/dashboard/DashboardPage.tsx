/**
 * The subsidies dashboard of a scope for a year (decision 0029): totals, then one row per region,
 * delegation, association or convention, each opening the level below; the regularity table for
 * the nation and a region; a link to the late tranches of the same scope.
 */
import { Breadcrumbs, Group, Select, Table, Text } from '@mantine/core';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ButtonLink, ListTable, PageHeader, QueryStates, formatNumber, nameIn, ui, formatMad } from '../../../../platform/web/index.ts';
import type { Dashboard, DashboardLevel, DashboardRow } from '../../server/dashboard/contract.ts';
import { Anchors } from './Anchors.tsx';
import { path, tid } from './constants.ts';
import { FigureCards } from './FigureCards.tsx';
import { formatOneDecimal, formatPercent } from './format.ts';
import { useDashboard } from './queries.ts';
import { RegularityTable } from './RegularityTable.tsx';
import { lateFilterOf, readNode, yearChoices } from './search.ts';

export function DashboardPage() {
  const { t, i18n } = useTranslation('subsidies');
  const navigate = useNavigate();
  const node = readNode(useSearch({ strict: false }) as Record<string, unknown>);
  const query = useDashboard(node);
  const d = query.data;
  const setYear = (year: string | null) =>
    void navigate({ to: path.dashboard, search: { level: node.level, id: node.id, year: year ? Number(year) : undefined } as never });
  return (
    <>
      <PageHeader title={t('dashboard.title')}>{d && <Crumbs dashboard={d} />}</PageHeader>
      <Group mb={ui.md} align={ui.flexEnd} justify={ui.spaceBetween} wrap={ui.wrap}>
        <Select label={t('dashboard.year')} data={yearChoices()} value={String(node.year)} onChange={setYear} allowDeselect={false} w={{ base: '100%', sm: 160 }} data-testid={tid.year} />
        {d && (
          <ButtonLink to={path.late} search={{ ...lateFilterOf(d.node.level, d.node.id), year: d.year } as never} variant={ui.light} data-testid={tid.lateLink}>
            {t('dashboard.lateLink', { n: formatNumber(d.totals.late, i18n.language) })}
          </ButtonLink>
        )}
      </Group>
      <QueryStates query={query} empty={() => false}>
        {() =>
          d && (
            <>
              <FigureCards figures={d.totals} />
              <Rows dashboard={d} />
              {(d.node.level === 'nation' || d.node.level === 'region') && <RegularityTable regionId={d.node.id ?? undefined} to={d.year} />}
            </>
          )
        }
      </QueryStates>
    </>
  );
}

function Crumbs({ dashboard }: { dashboard: Dashboard }) {
  const { t, i18n } = useTranslation('subsidies');
  const label = (n: Dashboard['node']) => (n.level === 'nation' ? t('dashboard.kind.nation') : nameIn(n, i18n.language));
  return (
    <Breadcrumbs data-testid={tid.crumbs} separatorMargin={ui.xs}>
      {dashboard.parents.map((p) => (
        <Anchors.Node key={p.level} level={p.level} id={p.id} year={dashboard.year}>
          {label(p)}
        </Anchors.Node>
      ))}
      <Text size={ui.sm} fw={600}>
        {label(dashboard.node)}
      </Text>
    </Breadcrumbs>
  );
}

const childLevel: Partial<Record<DashboardRow['kind'], DashboardLevel>> = { region: 'region', delegation: 'delegation', association: 'association' };

function Rows({ dashboard }: { dashboard: Dashboard }) {
  const { t, i18n } = useTranslation('subsidies');
  const lang = i18n.language;
  if (dashboard.rows.length === 0) return <Text c={ui.dimmed}>{t('dashboard.noRows')}</Text>;
  const kindOfRows = dashboard.rows.find((r) => r.id !== null)?.kind ?? dashboard.rows[0]!.kind;
  return (
    <ListTable
      minWidth={900}
      testId={tid.rows}
      caption={t('dashboard.rowsCaption')}
      headers={[t(`dashboard.kind.${kindOfRows}`), t('dashboard.figures.committed'), t('dashboard.figures.released'), t('dashboard.figures.paid'),
        t('dashboard.figures.justified'), t('dashboard.figures.delay'), t('dashboard.figures.late'), t('dashboard.figures.regularity')]}
    >
      {dashboard.rows.map((r) => {
        const level = childLevel[r.kind];
        const name = r.id === null ? t(`dashboard.kind.${r.kind}`) : r.reference ? `${r.reference} · ${nameIn(r, lang)}` : nameIn(r, lang);
        return (
          <Table.Tr key={r.id ?? r.kind}>
            <Table.Th scope={ui.row} fw={500}>
              {r.id && level ? (
                <Anchors.Node level={level} id={r.id} year={dashboard.year} testId={tid.drill(r.id)}>
                  {name}
                </Anchors.Node>
              ) : r.id && r.kind === 'convention' ? (
                <Anchors.Convention id={r.id}>{name}</Anchors.Convention>
              ) : (
                name
              )}
            </Table.Th>
            <Table.Td className="raaya-ltr">{formatMad(r.committedMad, lang)}</Table.Td>
            <Table.Td className="raaya-ltr">{formatMad(r.releasedMad, lang)}</Table.Td>
            <Table.Td className="raaya-ltr">{formatMad(r.paidMad, lang)}</Table.Td>
            <Table.Td className="raaya-ltr">{formatMad(r.justifiedMad, lang)}</Table.Td>
            <Table.Td className="raaya-ltr">{formatOneDecimal(r.averageDelayDays, lang)}</Table.Td>
            <Table.Td className="raaya-ltr">{t('dashboard.lateOf', { late: formatNumber(r.late, lang), assessed: formatNumber(r.assessed, lang) })}</Table.Td>
            <Table.Td className="raaya-ltr">{formatPercent(r.regularityPercent, lang)}</Table.Td>
          </Table.Tr>
        );
      })}
    </ListTable>
  );
}
