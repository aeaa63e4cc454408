/**
 * Access and transfer requests: incoming (asked of the user's delegation, which holds the person
 * and decides) and outgoing (asked by it, with the holder's answer).
 */
import { useState } from 'react';
import { Badge, Button, Group, SegmentedControl, Select, Table, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ListTable, LoadMore, PageHeader, ProblemAlert, QueryStates, formatDateTime, nameIn, ui, useCan } from '../../../../platform/web/index.ts';
import type { AccessRequest } from '../../contract/matching.ts';
import { decisions, directions, look, tid } from './constants.ts';
import { PersonCell } from './MergesPage.tsx';
import { useAccessRequests, useDecide } from './queries.ts';

const statuses = ['pending', 'granted', 'refused'] as const;
const statusColor = { pending: look.orange9, granted: look.green9, refused: look.gray7 } as const;

export function AccessRequestsPage() {
  const { t } = useTranslation('beneficiaries');
  const [direction, setDirection] = useState<'incoming' | 'outgoing'>('incoming');
  const [status, setStatus] = useState<string | null>(null);
  const query = useAccessRequests(direction, status);
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <PageHeader title={t('matching.access.title')} />
      <Group mb={ui.md} align={ui.flexEnd} wrap={ui.wrap}>
        <SegmentedControl
          aria-label={t('matching.access.direction')}
          data={directions.map((d) => ({ value: d, label: t(`matching.access.${d}`) }))}
          value={direction}
          onChange={(v) => setDirection(v as 'incoming' | 'outgoing')}
          data-testid={tid.accessDirection}
        />
        <Select
          label={t('matching.access.status')}
          placeholder={t('matching.all')}
          data={statuses.map((s) => ({ value: s, label: t(`matching.accessStatus.${s}`) }))}
          value={status}
          onChange={setStatus}
          clearable
          w={{ base: '100%', sm: 240 }}
          data-testid={tid.accessStatus}
        />
      </Group>
      <QueryStates query={query} empty={() => items.length === 0}>
        {() => (
          <>
            <ListTable
              minWidth={900}
              testId={tid.accessTable}
              caption={t('matching.access.title')}
              headers={[t('matching.access.person'), t('matching.access.kind'), t('matching.access.from'), t('matching.access.reason'), t('matching.access.status'), t('matching.access.actions')]}
            >
              {items.map((r) => (
                <RequestRow key={r.id} request={r} />
              ))}
            </ListTable>
            <LoadMore query={query} shown={items.length} />
          </>
        )}
      </QueryStates>
    </>
  );
}

function RequestRow({ request: r }: { request: AccessRequest }) {
  const { t, i18n } = useTranslation('beneficiaries');
  const lang = i18n.language;
  const can = useCan();
  const decide = useDecide();
  const [note, setNote] = useState('');
  const mayDecide = r.incoming && r.status === 'pending' && can('beneficiaries.privacy');
  return (
    <Table.Tr>
      <Table.Th scope={ui.row} fw={500}>
        <PersonCell person={r.person} fallback={t('matching.outOfScopeShort')} />
      </Table.Th>
      <Table.Td>{t(`matching.kinds.${r.kind}`)}</Table.Td>
      <Table.Td>
        <Text size={ui.sm}>{t('matching.access.askedBy', { delegation: nameIn(r.requester, lang) })}</Text>
        <Text size={ui.sm}>{t('matching.access.heldBy', { delegation: nameIn(r.holder, lang) })}</Text>
        <Text size={ui.sm} c={look.gray7}>
          {formatDateTime(r.createdAt, lang)}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size={ui.sm}>{r.reason}</Text>
        {r.decisionNote && <Text size={ui.sm}>{r.decisionNote}</Text>}
      </Table.Td>
      <Table.Td>
        <Badge color={statusColor[r.status]} variant={ui.filled}>
          {t(`matching.accessStatus.${r.status}`)}
        </Badge>
      </Table.Td>
      <Table.Td>
        {mayDecide && (
          <Group gap={ui.xs} wrap={ui.wrap}>
            <TextInput aria-label={t('matching.note')} placeholder={t('matching.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} size={ui.sm} data-testid={tid.note} />
            {decisions.map((action) => (
              <Button
                key={action}
                size={ui.sm}
                color={action === 'grant' ? look.green9 : look.red9}
                variant={action === 'grant' ? ui.filled : ui.outline}
                loading={decide.isPending && decide.variables.action === action}
                onClick={() => decide.mutate({ id: r.id, action, note })}
                data-testid={tid.accessAction(r.id, action)}
              >
                {t(`matching.access.${action}`)}
              </Button>
            ))}
          </Group>
        )}
        {decide.isError && <ProblemAlert error={decide.error} />}
      </Table.Td>
    </Table.Tr>
  );
}
