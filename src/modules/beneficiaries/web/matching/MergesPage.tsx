/** Merge proposals of the scope: another merge holder approves or rejects them; applied merges can be reverted. */
import { useState } from 'react';
import { Badge, Button, Group, Select, Table, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ListTable, LoadMore, PageHeader, ProblemAlert, QueryStates, formatDateTime, ui } from '../../../../platform/web/index.ts';
import type { PersonSummary } from '../../contract/common.ts';
import type { Merge } from '../../contract/matching.ts';
import { otherScriptName, personName } from '../persons/names.ts';
import { look, tid } from './constants.ts';
import { useMerges, useReviewMerge } from './queries.ts';

const statuses = ['proposed', 'approved', 'rejected', 'reverted'] as const;
const statusColor = { proposed: look.orange9, approved: look.green9, rejected: look.gray7, reverted: look.blue9 } as const;

export function PersonCell({ person, fallback }: { person: PersonSummary | null; fallback: string }) {
  const { i18n } = useTranslation();
  if (!person) return <Text size={ui.sm}>{fallback}</Text>;
  const main = personName(person, i18n.language);
  const other = otherScriptName(person, i18n.language);
  return (
    <div>
      <bdi>{main}</bdi>
      {other && (
        <Text size={ui.sm}>
          <bdi>{other}</bdi>
        </Text>
      )}
    </div>
  );
}

export function MergesPage() {
  const { t } = useTranslation('beneficiaries');
  const [status, setStatus] = useState<string | null>('proposed');
  const query = useMerges(status);
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <PageHeader title={t('matching.merges.title')} />
      <Select
        label={t('matching.merges.status')}
        placeholder={t('matching.all')}
        data={statuses.map((s) => ({ value: s, label: t(`matching.mergeStatus.${s}`) }))}
        value={status}
        onChange={setStatus}
        clearable
        w={{ base: '100%', sm: 280 }}
        mb={ui.md}
        data-testid={tid.mergesStatus}
      />
      <QueryStates query={query} empty={() => items.length === 0}>
        {() => (
          <>
            <ListTable
              minWidth={900}
              testId={tid.mergesTable}
              caption={t('matching.merges.title')}
              headers={[t('matching.merges.kept'), t('matching.merges.merged'), t('matching.merges.reason'), t('matching.merges.status'), t('matching.merges.actions')]}
            >
              {items.map((m) => (
                <MergeRow key={m.id} merge={m} />
              ))}
            </ListTable>
            <LoadMore query={query} shown={items.length} />
          </>
        )}
      </QueryStates>
    </>
  );
}

function MergeRow({ merge: m }: { merge: Merge }) {
  const { t, i18n } = useTranslation('beneficiaries');
  const review = useReviewMerge();
  const [note, setNote] = useState('');
  const actions = m.status === 'proposed' && !m.mine ? (['approve', 'reject'] as const) : m.status === 'approved' ? (['revert'] as const) : [];
  return (
    <Table.Tr>
      <Table.Th scope={ui.row} fw={500}>
        <PersonCell person={m.kept} fallback={t('matching.outOfScopeShort')} />
      </Table.Th>
      <Table.Td>
        <PersonCell person={m.merged} fallback={t('matching.outOfScopeShort')} />
      </Table.Td>
      <Table.Td>
        <Text size={ui.sm}>{m.reason}</Text>
        <Text size={ui.sm} c={look.gray7}>
          {t('matching.merges.proposedBy', { who: m.proposedBy ?? '', when: formatDateTime(m.createdAt, i18n.language) })}
        </Text>
        {m.reviewNote && <Text size={ui.sm}>{m.reviewNote}</Text>}
      </Table.Td>
      <Table.Td>
        <Badge color={statusColor[m.status]} variant={ui.filled}>
          {t(`matching.mergeStatus.${m.status}`)}
        </Badge>
        {m.status === 'proposed' && m.mine && <Text size={ui.sm}>{t('matching.merges.awaitingOther')}</Text>}
      </Table.Td>
      <Table.Td>
        {actions.length > 0 && (
          <Group gap={ui.xs} wrap={ui.wrap}>
            <TextInput aria-label={t('matching.note')} placeholder={t('matching.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} size={ui.sm} data-testid={tid.note} />
            {actions.map((action) => (
              <Button
                key={action}
                size={ui.sm}
                color={action === 'approve' ? look.green9 : look.red9}
                variant={action === 'approve' ? ui.filled : ui.outline}
                loading={review.isPending && review.variables.action === action}
                onClick={() => review.mutate({ id: m.id, action, note })}
                data-testid={tid.mergeAction(m.id, action)}
              >
                {t(`matching.merges.${action}`)}
              </Button>
            ))}
          </Group>
        )}
        {review.isError && <ProblemAlert error={review.error} />}
      </Table.Td>
    </Table.Tr>
  );
}
