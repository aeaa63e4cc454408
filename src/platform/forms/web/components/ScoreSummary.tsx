/** Total and per-section scores with their maxima and percentages. */
import { Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber, ui } from '../../../web/index.ts';
import type { FormDefinition, Scores } from '../../contract.ts';
import { percentOf } from '../../engine.ts';
import { tid } from '../constants.ts';
import { loc } from './FormFiller.tsx';

export function ScoreSummary({ scores, definition, titleId, live }: { scores: Scores; definition: FormDefinition; titleId: string; live?: boolean }) {
  const { t, i18n } = useTranslation('forms');
  const lang = i18n.language;
  const n = (v: number) => formatNumber(v, lang);
  const line = (score: number, max: number) => {
    const pct = percentOf(score, max);
    return pct === null ? t('scores.line', { score: n(score), max: n(max) }) : t('scores.linePct', { score: n(score), max: n(max), pct: n(pct) });
  };
  return (
    <Paper withBorder p={ui.md} component={ui.section} aria-labelledby={titleId} data-testid={tid.scores}>
      <Title order={2} size={ui.h4} id={titleId} mb={ui.sm}>
        {live ? t('scores.liveTitle') : t('scores.title')}
      </Title>
      <Stack gap={ui.sm}>
        <Group justify={ui.spaceBetween} wrap={ui.wrap}>
          <Text fw={700}>{t('scores.total')}</Text>
          <Text fw={700} data-testid={tid.scoreTotal} aria-live={live ? ui.polite : undefined}>
            {line(scores.total, scores.max)}
          </Text>
        </Group>
        <Progress value={Math.max(0, percentOf(scores.total, scores.max) ?? 0)} aria-label={t('scores.total')} />
        {scores.sections.map((s) => {
          const section = definition.sections.find((d) => d.id === s.sectionId);
          return (
            <Group key={s.sectionId} justify={ui.spaceBetween} wrap={ui.wrap} data-section={s.sectionId}>
              <Text size={ui.sm}>{section ? loc(section.title, lang) : s.sectionId}</Text>
              <Text size={ui.sm}>{line(s.score, s.max)}</Text>
            </Group>
          );
        })}
      </Stack>
    </Paper>
  );
}
