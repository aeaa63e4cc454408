/**
 * Merge proposals of the scope: another merge holder approves or rejects them; applied merges can
 * be reverted. Approving and reverting are confirmed first; an applied merge says what moved to the
 * kept record and which of its empty fields the merged one filled.
 */
import { useState } from 'react';
import { Badge, Button, Group, Modal, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ListTable, LoadMore, PageHeader, ProblemAlert, QueryStates, formatDateTime, formatNumber, listIn, ui } from '../../../../platform/web/index.ts';
import type { PersonSummary } from '../../contract/common.ts';
import { MergeMovedKind, type Merge } from '../../contract/matching.ts';
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

type MergeAction = 'approve' | 'reject' | 'revert';
/** The actions that move records, confirmed first. */
type ConfirmedAction = Exclude<MergeAction, 'reject'>;

function MergeRow({ merge: m }: { merge: Merge }) {
  const { t, i18n } = useTranslation('beneficiaries');
  const review = useReviewMerge();
  const [note, setNote] = useState('');
  const [asking, setAsking] = useState<ConfirmedAction | null>(null);
  const actions: MergeAction[] = m.status === 'proposed' && !m.mine ? ['approve', 'reject'] : m.status === 'approved' ? ['revert'] : [];
  const act = (action: MergeAction) => review.mutate({ id: m.id, action, note }, { onSettled: () => setAsking(null) });
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
        {m.status !== 'proposed' && <MergeOutcome merge={m} />}
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
                // Rejecting changes no record; approving and reverting move records and are confirmed first.
                onClick={() => (action === 'reject' ? act(action) : setAsking(action))}
                data-testid={tid.mergeAction(m.id, action)}
              >
                {t(`matching.merges.${action}`)}
              </Button>
            ))}
          </Group>
        )}
        {review.isError && <ProblemAlert error={review.error} />}
        {asking && (
          <Modal opened onClose={() => setAsking(null)} closeButtonProps={{ 'aria-label': t('matching.merges.back') }} title={t(`matching.merges.${asking}Title`)} centered>
            <Stack gap={ui.md}>
              <Text>{t(`matching.merges.${asking}Confirm`)}</Text>
              <Group justify={ui.end}>
                <Button variant={ui.default} onClick={() => setAsking(null)}>
                  {t('matching.merges.back')}
                </Button>
                <Button color={asking === 'approve' ? look.green9 : look.red9} loading={review.isPending} onClick={() => act(asking)} data-testid={tid.mergeConfirm}>
                  {t(`matching.merges.${asking}`)}
                </Button>
              </Group>
            </Stack>
          </Modal>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

/** What an applied merge moved to the kept record, and the kept record's fields it filled. */
function MergeOutcome({ merge: m }: { merge: Merge }) {
  const { t, i18n } = useTranslation('beneficiaries');
  const moved = MergeMovedKind.options.flatMap((kind) => {
    const count = m.moved?.[kind];
    return count ? [t('matching.merges.movedCount', { kind: t(`matching.merges.movedKinds.${kind}`), n: formatNumber(count, i18n.language) })] : [];
  });
  const filled = (m.filled ?? []).map((field) => (field === 'household' ? t('persons.household') : t(`persons.fields.${field}`)));
  return (
    <>
      {moved.length > 0 && <Text size={ui.sm}>{t('matching.merges.moved', { list: listIn(moved, i18n.language) })}</Text>}
      {filled.length > 0 && <Text size={ui.sm}>{t('matching.merges.filled', { list: listIn(filled, i18n.language) })}</Text>}
    </>
  );
}
