/** The case files of one person, for the person's page: number, stage and opening date, linked to each file. */
import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AnchorLink, LoadMore, formatDate, ui } from '../../../../../platform/web/index.ts';
import { path, tid } from '../constants.ts';
import { useCases } from '../queries.ts';

export function PersonCasesSection({ personId }: { personId: string }) {
  const { t, i18n } = useTranslation('beneficiaries');
  const query = useCases({ personId }, 20);
  const cases = query.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Card withBorder data-testid={tid.personCases}>
      <Title order={2} size={ui.h4} mb={ui.sm}>
        {t('cases.personCases.title')}
      </Title>
      {query.isSuccess && cases.length === 0 && <Text c={ui.dimmed}>{t('cases.personCases.none')}</Text>}
      <Stack gap={ui.xs}>
        {cases.map((c) => (
          <Group key={c.id} gap={ui.sm}>
            <AnchorLink to={path.case} params={{ caseId: c.id }}>
              <bdi>{c.number}</bdi>
            </AnchorLink>
            <Badge variant={ui.light}>{t(`enums.caseStage.${c.stage}`)}</Badge>
            <Text size={ui.sm} c={ui.dimmed}>
              {formatDate(c.openedOn, i18n.language)}
            </Text>
          </Group>
        ))}
      </Stack>
      <LoadMore query={query} shown={cases.length} />
    </Card>
  );
}
