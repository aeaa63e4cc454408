/** The totals of a dashboard node as cards: money committed, released, paid and justified; delays; lateness and regularity. */
import { Paper, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber, ui, formatMad } from '../../../../platform/web/index.ts';
import type { Figures } from '../../server/dashboard/contract.ts';
import { tid } from './constants.ts';
import { formatOneDecimal, formatPercent } from './format.ts';

export function FigureCards({ figures }: { figures: Figures }) {
  const { t, i18n } = useTranslation('subsidies');
  const lang = i18n.language;
  const cards: { key: 'committed' | 'released' | 'paid' | 'justified' | 'delay' | 'late' | 'regularity'; value: string; hint?: string }[] = [
    { key: 'committed', value: formatMad(figures.committedMad, lang) },
    { key: 'released', value: formatMad(figures.releasedMad, lang) },
    { key: 'paid', value: formatMad(figures.paidMad, lang) },
    { key: 'justified', value: formatMad(figures.justifiedMad, lang) },
    { key: 'delay', value: formatOneDecimal(figures.averageDelayDays, lang), hint: t('dashboard.figures.conditionsDelay', { days: formatOneDecimal(figures.averageConditionsDelayDays, lang) }) },
    { key: 'late', value: formatNumber(figures.late, lang), hint: t('dashboard.figures.ofAssessed', { n: formatNumber(figures.assessed, lang) }) },
    { key: 'regularity', value: formatPercent(figures.regularityPercent, lang),
      hint: t('dashboard.figures.onTime', { n: formatNumber(figures.onTime, lang) }) },
  ];
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} mb={ui.lg} data-testid={tid.figures}>
      {cards.map((c) => (
        <Paper key={c.key} withBorder p={ui.md} data-testid={tid.figure(c.key)}>
          <Text size={ui.sm} c={ui.dimmed}>
            {t(`dashboard.figures.${c.key}`)}
          </Text>
          <Text fw={700} size={ui.lg} className="raaya-ltr">
            {c.value}
          </Text>
          {c.hint && (
            <Text size={ui.xs} c={ui.dimmed}>
              {c.hint}
            </Text>
          )}
        </Paper>
      ))}
    </SimpleGrid>
  );
}
