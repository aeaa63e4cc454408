/**
 * The reception queues: the delegation's desk and the institutions' (one switch), open requests by
 * default, "assigned to me", urgency; who handles what; a request opens in a panel to assign it,
 * open the person's case file, or close it with a reason.
 */
import { useState } from 'react';
import { Badge, Button, Drawer, Group, Select, SegmentedControl, SimpleGrid, Stack, Switch, Table, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AnchorLink, ListTable, LoadMore, PageHeader, ProblemAlert, QueryStates, formatDateTime, fullNameIn, nameIn, ui, useCan } from '../../../../platform/web/index.ts';
import { requestStatuses, urgencies } from '../../contract/enums.ts';
import type { RequestListItem } from '../../contract/reception.ts';
import { personName } from '../persons/names.ts';
import { fieldErrors } from '../persons/queries.ts';
import { path, tid } from './constants.ts';
import { path as casePath } from '../cases/constants.ts';
import { useAssignable, useQueue, useRequest, useRequestAction } from './queries.ts';

const QUEUES = ['delegation', 'institution'] as const;
const OPEN = 'open';
const ME = 'me';
const TRUE = 'true';
// Filled badges in shades dark enough for white text (WCAG AA 4.5:1).
const urgencyColour: Record<string, string> = { low: 'gray.7', normal: 'blue.8', high: '#9c3a00', emergency: 'red.9' };
const FINAL = new Set(['case_opened', 'closed', 'rejected']);

export function QueuePage() {
  const { t, i18n } = useTranslation('beneficiaries');
  const lang = i18n.language;
  const [queue, setQueue] = useState<string>(QUEUES[0]);
  const [status, setStatus] = useState<string>(OPEN);
  const [mine, setMine] = useState(false);
  const [urgency, setUrgency] = useState<string | null>(null);
  const [handling, setHandling] = useState<string | null>(null);
  const query = useQueue({
    queue,
    open: status === OPEN ? TRUE : undefined,
    status: status === OPEN ? undefined : status,
    assignedTo: mine ? ME : undefined,
    urgency: urgency ?? undefined,
  });
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  const who = (r: RequestListItem) => (r.person ? <bdi>{personName(r.person, lang)}</bdi> : <bdi>{r.requesterName}</bdi>);
  return (
    <>
      <PageHeader title={t('reception.queueTitle')} />
      <SegmentedControl
        mb={ui.md}
        value={queue}
        onChange={setQueue}
        data={QUEUES.map((q) => ({ value: q, label: t(`reception.queue.${q}`) }))}
        aria-label={t('reception.queueKind')}
        data-testid={tid.queueKind}
      />
      <SimpleGrid cols={{ base: 1, sm: 3 }} mb={ui.md}>
        <Select
          label={t('reception.status')}
          data={[{ value: OPEN, label: t('reception.openOnes') }, ...requestStatuses.map((s) => ({ value: s, label: t(`enums.requestStatus.${s}`) }))]}
          value={status}
          onChange={(s) => setStatus(s ?? OPEN)}
          allowDeselect={false}
          data-testid={tid.queueStatus}
        />
        <Select
          label={t('reception.urgency')}
          placeholder={t('reception.all')}
          data={urgencies.map((u) => ({ value: u, label: t(`enums.urgency.${u}`) }))}
          value={urgency}
          onChange={setUrgency}
          clearable
          data-testid={tid.queueUrgency}
        />
        <Switch mt={ui.lg} label={t('reception.mine')} checked={mine} onChange={(e) => setMine(e.currentTarget.checked)} data-testid={tid.queueMine} />
      </SimpleGrid>
      <QueryStates query={query} empty={() => items.length === 0}>
        {() => (
          <>
            <ListTable
              minWidth={760}
              testId={tid.queueTable}
              caption={t('reception.queueTitle')}
              headers={[t('reception.number'), t('reception.receivedAt'), t('reception.who'), t('reception.urgency'), t('reception.status'), t('reception.assignee'), t('reception.actions')]}
            >
              {items.map((r) => (
                <Table.Tr key={r.id} data-testid={tid.queueRow(r.id)}>
                  <Table.Th scope={ui.row} fw={500}>
                    <bdi>{r.number}</bdi>
                    {r.institutionNameAr && (
                      <Text size={ui.xs} c={ui.dimmed}>
                        {nameIn({ nameAr: r.institutionNameAr, nameFr: r.institutionNameFr ?? '' }, lang)}
                      </Text>
                    )}
                  </Table.Th>
                  <Table.Td>{formatDateTime(r.receivedAt, lang)}</Table.Td>
                  <Table.Td>{who(r)}</Table.Td>
                  <Table.Td>
                    <Badge color={urgencyColour[r.urgency]} variant={ui.filled}>
                      {t(`enums.urgency.${r.urgency}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{t(`enums.requestStatus.${r.status}`)}</Table.Td>
                  <Table.Td>{r.assignee ? fullNameIn(r.assignee, lang) : '—'}</Table.Td>
                  <Table.Td>
                    <Button size={ui.xs} variant={ui.light} onClick={() => setHandling(r.id)} data-testid={tid.handle(r.id)}>
                      {t('reception.handle')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </ListTable>
            <LoadMore query={query} shown={items.length} />
          </>
        )}
      </QueryStates>
      <Drawer opened={Boolean(handling)} onClose={() => setHandling(null)} size={ui.lg} title={t('reception.handleTitle')} closeButtonProps={{ 'aria-label': t('reception.close') }}>
        {handling && <RequestPanel id={handling} />}
      </Drawer>
    </>
  );
}

function RequestPanel({ id }: { id: string }) {
  const { t, i18n } = useTranslation(['beneficiaries', 'registry']);
  const lang = i18n.language;
  const can = useCan();
  const mayOpen = can('beneficiaries.case');
  const request = useRequest(id);
  const assignable = useAssignable(id);
  const action = useRequestAction(id);
  const [assignee, setAssignee] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const errors = fieldErrors(action.error);
  const r = request.data;
  const assign = () => assignee && action.mutate({ kind: 'assign', userId: assignee });
  const openCase = () => action.mutate({ kind: 'openCase' });
  const close = () => action.mutate({ kind: 'close', reason });
  return (
    <QueryStates query={request} empty={() => false}>
      {() => (
        <Stack>
          <Text fw={600}>
            <bdi>{r!.number}</bdi>
          </Text>
          {r!.person && (
            <AnchorLink to={path.person(r!.person.id)}>
              <bdi>{personName(r!.person, lang)}</bdi>
            </AnchorLink>
          )}
          {r!.requesterName && (
            <Text>
              {t(`enums.requesterRelation.${r!.requesterRelation}`)}
              {': '}
              <bdi>{r!.requesterName}</bdi> <bdi>{r!.requesterPhone}</bdi>
            </Text>
          )}
          <Group gap={ui.xs}>
            {r!.needs.map((n) => (
              <Badge key={n} variant={ui.light}>
                {t(`registry:enums.targetGroup.${n}`)}
              </Badge>
            ))}
          </Group>
          {r!.summary && <Text>{r!.summary}</Text>}
          {r!.listeningNotes && (
            <Text size={ui.sm} c={ui.dimmed}>
              {r!.listeningNotes}
            </Text>
          )}
          <Text size={ui.sm}>{t(`enums.requestStatus.${r!.status}`)}</Text>
          {r!.caseNumber && r!.caseId && (
            <AnchorLink to={casePath.case} params={{ caseId: r!.caseId }} data-testid={tid.caseOpened}>
              {t('reception.caseOpened', { number: r!.caseNumber })}
            </AnchorLink>
          )}
          <ProblemAlert error={Object.keys(errors).length ? null : action.error} />
          {!FINAL.has(r!.status) && (
            <>
              <Group align={ui.flexEnd}>
                <Select
                  label={t('reception.assignTo')}
                  data={(assignable.data ?? []).map((u) => ({ value: u.id, label: fullNameIn(u, lang) }))}
                  value={assignee ?? r!.assignee?.id ?? null}
                  onChange={setAssignee}
                  error={errors.userId}
                  searchable
                  data-testid={tid.assignee}
                />
                <Button onClick={assign} disabled={!assignee} loading={action.isPending} data-testid={tid.assign}>
                  {t('reception.assign')}
                </Button>
              </Group>
              {mayOpen && (
                <Button onClick={openCase} disabled={!r!.person} loading={action.isPending} data-testid={tid.openCase}>
                  {t('reception.openCase')}
                </Button>
              )}
              {!r!.person && <Text size={ui.sm} c={ui.dimmed}>{t('reception.identifyFirst')}</Text>}
              <Textarea label={t('reception.closeReason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={errors.reason} data-testid={tid.closeReason} />
              <Button variant={ui.light} color={ui.red} onClick={close} disabled={!reason.trim()} loading={action.isPending} data-testid={tid.close}>
                {t('reception.closeRequest')}
              </Button>
            </>
          )}
        </Stack>
      )}
    </QueryStates>
  );
}
