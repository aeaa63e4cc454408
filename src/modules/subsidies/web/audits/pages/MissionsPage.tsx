/** Audit missions of the scope: filter by status, keyset paging; an auditor opens a new mission. */
import { useState } from 'react';
import { Badge, Button, Group, Modal, Select, SimpleGrid, Stack, Table, TextInput, Textarea } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { AnchorLink, ListTable, LoadMore, PageHeader, ProblemAlert, QueryStates, formatDate, nameIn, ui, useCan, serverFieldError } from '../../../../../platform/web/index.ts';
import { missionKinds, missionStatuses, type MissionStatus, type TeamMember } from '../../../server/audits/contract.ts';
import { useCreateMission, useMissionTargets, useMissions } from '../queries.ts';
import { fld, look, tone, missionColor, path, tid } from '../constants.ts';

export function MissionsPage() {
  const { t, i18n } = useTranslation('subsidies');
  const lang = i18n.language;
  const can = useCan();
  const mayAudit = can('subsidies.audit');
  const [status, setStatus] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const query = useMissions((status ?? undefined) as MissionStatus | undefined);
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <PageHeader
        title={t('audits.missions.title')}
        actions={
          mayAudit && (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)} data-testid={tid.missionCreate}>
              {t('audits.missions.create')}
            </Button>
          )
        }
      />
      <Select
        mb={ui.md}
        label={t('audits.fields.status')}
        placeholder={t('audits.missions.allStatuses')}
        data={missionStatuses.map((s) => ({ value: s, label: t(`audits.missionStatus.${s}`) }))}
        value={status}
        onChange={setStatus}
        clearable
        w={{ base: '100%', sm: 260 }}
        data-testid={tid.missionsStatus}
      />
      <QueryStates query={query} empty={() => items.length === 0}>
        {() => (
          <>
            <ListTable
              minWidth={860}
              testId={tid.missionsTable}
              caption={t('audits.missions.title')}
              headers={[t('audits.fields.association'), t('audits.fields.convention'), t('audits.fields.kind'), t('audits.fields.dates'), t('audits.fields.status'), t('audits.fields.openFindings')]}
            >
              {items.map((m) => (
                <Table.Tr key={m.id}>
                  <Table.Th scope={ui.row} fw={500}>
                    <AnchorLink to={path.mission} params={{ missionId: m.id }}>
                      {lang === 'fr' ? m.associationNameFr : m.associationNameAr}
                    </AnchorLink>
                  </Table.Th>
                  <Table.Td>{m.conventionReference ?? t('audits.fields.none')}</Table.Td>
                  <Table.Td>{t(`audits.kinds.${m.kind}`)}</Table.Td>
                  <Table.Td>{t('audits.fields.fromTo', { from: formatDate(m.startsOn, lang), to: formatDate(m.endsOn, lang) })}</Table.Td>
                  <Table.Td>
                    <Badge autoContrast color={missionColor[m.status]} variant={ui.filled}>
                      {t(`audits.missionStatus.${m.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {m.openFindings}
                    {m.openCritical > 0 && (
                      <Badge autoContrast ms={ui.xs} color={tone.danger} variant={ui.filled}>
                        {t('audits.missions.critical', { n: m.openCritical })}
                      </Badge>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </ListTable>
            <LoadMore query={query} shown={items.length} />
          </>
        )}
      </QueryStates>
      {creating && <CreateMission onClose={() => setCreating(false)} />}
    </>
  );
}

function CreateMission({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useTranslation('subsidies');
  const lang = i18n.language;
  const navigate = useNavigate();
  const mutation = useCreateMission();
  const [search, setSearch] = useState('');
  const targets = useMissionTargets(search, true);
  const [associationId, setAssociationId] = useState<string | null>(null);
  const [conventionId, setConventionId] = useState<string | null>(null);
  const [kind, setKind] = useState<string | null>('planned');
  const [startsOn, setStartsOn] = useState('');
  const [endsOn, setEndsOn] = useState('');
  const [team, setTeam] = useState<TeamMember[]>([{ name: '', role: '' }]);
  const [summary, setSummary] = useState('');
  const associations = targets.data?.associations ?? [];
  const conventions = associations.find((a) => a.id === associationId)?.conventions ?? [];
  const error = (name: string) => serverFieldError(mutation.error, name);
  const setMember = (i: number, change: Partial<TeamMember>) => setTeam((all) => all.map((m, j) => (j === i ? { ...m, ...change } : m)));
  return (
    <Modal opened onClose={onClose} closeButtonProps={{ 'aria-label': t('audits.missions.close') }} title={t('audits.missions.create')} centered size={ui.lg}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          mutation.mutate(
            { associationId: associationId ?? '', conventionId, kind: (kind ?? 'planned') as (typeof missionKinds)[number], startsOn, endsOn, team, summary: summary || undefined },
            { onSuccess: (m) => void navigate({ to: path.mission, params: { missionId: m.id } }) },
          );
        }}
      >
        <Stack gap={ui.sm}>
          <ProblemAlert error={mutation.error} />
          <Select
            label={t('audits.fields.association')}
            required
            searchable
            searchValue={search}
            onSearchChange={setSearch}
            filter={({ options }) => options}
            data={associations.map((a) => ({ value: a.id, label: nameIn(a, lang) }))}
            value={associationId}
            onChange={(v) => { setAssociationId(v); setConventionId(null); }}
            error={error(fld.associationId)}
            data-testid={tid.missionAssociation}
          />
          <Select
            label={t('audits.fields.convention')}
            placeholder={t('audits.missions.wholeAssociation')}
            clearable
            data={conventions.map((c) => ({ value: c.id, label: c.reference }))}
            value={conventionId}
            onChange={setConventionId}
            data-testid={tid.missionConvention}
          />
          <Select label={t('audits.fields.kind')} required data={missionKinds.map((k) => ({ value: k, label: t(`audits.kinds.${k}`) }))} value={kind} onChange={setKind} data-testid={tid.missionKind} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput type={look.date} label={t('audits.fields.startsOn')} required value={startsOn} onChange={(e) => setStartsOn(e.currentTarget.value)} error={error(fld.startsOn)} data-testid={tid.missionStarts} />
            <TextInput type={look.date} label={t('audits.fields.endsOn')} required value={endsOn} onChange={(e) => setEndsOn(e.currentTarget.value)} error={error(fld.endsOn)} data-testid={tid.missionEnds} />
          </SimpleGrid>
          {team.map((m, i) => (
            <SimpleGrid key={i} cols={{ base: 1, sm: 2 }}>
              <TextInput label={t('audits.fields.memberName')} required value={m.name} onChange={(e) => setMember(i, { name: e.currentTarget.value })} error={error(`team.${i}.name`) ?? (i === 0 ? error(fld.team) : undefined)} data-testid={tid.missionTeamName(i)} />
              <TextInput label={t('audits.fields.memberRole')} required value={m.role} onChange={(e) => setMember(i, { role: e.currentTarget.value })} error={error(`team.${i}.role`)} data-testid={tid.missionTeamRole(i)} />
            </SimpleGrid>
          ))}
          <Group>
            <Button variant={ui.subtle} size={ui.xs} onClick={() => setTeam((all) => [...all, { name: '', role: '' }])} data-testid={tid.missionTeamAdd}>
              {t('audits.missions.addMember')}
            </Button>
          </Group>
          <Textarea label={t('audits.fields.summary')} autosize minRows={2} value={summary} onChange={(e) => setSummary(e.currentTarget.value)} />
          <Group justify={ui.end}>
            <Button type="submit" loading={mutation.isPending} data-testid={tid.missionSave}>
              {t('audits.missions.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
