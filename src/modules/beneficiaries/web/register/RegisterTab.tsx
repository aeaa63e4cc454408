/**
 * The "Register" tab of an institution: occupancy by sex (and by school year for Dar Talib /
 * Dar Taliba), the waiting list with "Admit" for each accepted referral, the legal register
 * (decree 2.19.693 art. 11) with exit and transfer actions, and the PDF in either language.
 * The notice of law 09-08 art. 5 heads the register, as the law asks where data is collected.
 */
import { useState } from 'react';
import { Anchor, Badge, Button, Card, Group, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFileTypePdf, IconLogout, IconPlus, IconTransfer } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { LoadMore, QueryStates, formatDate, formatNumber, todayInMorocco, ui, useCan } from '../../../../platform/web/index.ts';
import { ScrollTable } from './ScrollTable.tsx';
import type { InstitutionTabProps } from '../../../registry/web/institution-tabs.ts';
import { useInstitution } from '../../../registry/web/institutions/queries.ts';
import { registerStatuses, type InstitutionOccupancy, type RegisterEntry } from '../../contract/register.ts';
import { DataProtectionNotice } from '../components/DataProtectionNotice.tsx';
import { otherScriptName, personName } from '../persons/names.ts';
import { AdmitModal, ExitModal, TransferModal, type AdmitTarget } from './AdmissionForms.tsx';
import { pdfUrl, useOccupancy, useRegister, useWaitingList } from './queries.ts';
import { tid } from './constants.ts';

const compact = 'compact';
const allStatuses = 'all';
const thisYear = () => Number(todayInMorocco().slice(0, 4));

export function RegisterTab({ institutionId }: InstitutionTabProps) {
  const can = useCan();
  const mayWrite = can('beneficiaries.register');
  const { data: institution } = useInstitution(institutionId);
  const schooled = institution?.legalCategory === 'schooled_children' || institution?.centreType === 'student_home';
  const [admitting, setAdmitting] = useState<AdmitTarget | null>(null);
  return (
    <Stack gap={ui.md} data-testid={tid.tab}>
      <OccupancyCard institutionId={institutionId} />
      <WaitingList institutionId={institutionId} mayWrite={mayWrite} onAdmit={setAdmitting} />
      <RegisterCard institutionId={institutionId} mayWrite={mayWrite} onAdmit={() => setAdmitting({ personId: null, personName: null })} />
      {admitting && <AdmitModal institutionId={institutionId} schooled={schooled} target={admitting} onClose={() => setAdmitting(null)} />}
    </Stack>
  );
}

function OccupancyLine({ label, capacity, occupied, free, lang }: { label: string; capacity: number; occupied: number; free: number; lang: string }) {
  const { t } = useTranslation('beneficiaries');
  return (
    <div>
      <Text fw={600}>{label}</Text>
      <Text>{t('register.occupancy.summary', { occupied: formatNumber(occupied, lang), capacity: formatNumber(capacity, lang), free: formatNumber(free, lang) })}</Text>
      {occupied > capacity && (
        <Badge color={ui.orange} variant={ui.light}>
          {t('register.board.full')}
        </Badge>
      )}
    </div>
  );
}

function OccupancyCard({ institutionId }: { institutionId: string }) {
  const { t, i18n } = useTranslation('beneficiaries');
  const lang = i18n.language;
  const query = useOccupancy(institutionId);
  const o: InstitutionOccupancy | undefined = query.data;
  return (
    <Card withBorder data-testid={tid.occupancy}>
      <Title order={2} size={ui.h4} mb={ui.sm}>
        {t('register.occupancy.title')}
      </Title>
      <QueryStates query={query} empty={() => false}>
        {() =>
          o && (
            <Stack gap={ui.sm}>
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                {o.capacityMale + o.occupiedMale > 0 && <OccupancyLine label={t('register.occupancy.male')} capacity={o.capacityMale} occupied={o.occupiedMale} free={o.freeMale} lang={lang} />}
                {o.capacityFemale + o.occupiedFemale > 0 && <OccupancyLine label={t('register.occupancy.female')} capacity={o.capacityFemale} occupied={o.occupiedFemale} free={o.freeFemale} lang={lang} />}
                <div>
                  <Text fw={600}>{t('register.occupancy.waiting')}</Text>
                  <Text>{formatNumber(o.waiting, lang)}</Text>
                </div>
              </SimpleGrid>
              {o.schoolYears.length > 0 && (
                <ScrollTable
                  minWidth={420}
                  testId={tid.schoolYears}
                  caption={t('register.occupancy.schoolYears')}
                  headers={[t('register.occupancy.schoolYear'), t('register.occupancy.admitted'), t('register.occupancy.present')]}
                >
                  {o.schoolYears.map((y) => (
                    <Table.Tr key={y.schoolYear}>
                      <Table.Th scope={ui.row}>
                        <bdi>{y.schoolYear}</bdi>
                      </Table.Th>
                      <Table.Td>{t('register.occupancy.pair', { male: formatNumber(y.admittedMale, lang), female: formatNumber(y.admittedFemale, lang) })}</Table.Td>
                      <Table.Td>{t('register.occupancy.pair', { male: formatNumber(y.presentMale, lang), female: formatNumber(y.presentFemale, lang) })}</Table.Td>
                    </Table.Tr>
                  ))}
                </ScrollTable>
              )}
            </Stack>
          )
        }
      </QueryStates>
    </Card>
  );
}

function WaitingList({ institutionId, mayWrite, onAdmit }: { institutionId: string; mayWrite: boolean; onAdmit: (target: AdmitTarget) => void }) {
  const { t, i18n } = useTranslation('beneficiaries');
  const lang = i18n.language;
  const query = useWaitingList(institutionId);
  const items = query.data?.items ?? [];
  return (
    <Card withBorder data-testid={tid.waiting}>
      <Title order={2} size={ui.h4} mb={ui.sm}>
        {t('register.waiting.title')}
      </Title>
      {query.isSuccess && items.length === 0 ? (
        <Text>{t('register.waiting.empty')}</Text>
      ) : (
        <QueryStates query={query} empty={() => false}>
          {() => (
            <ScrollTable
              minWidth={560}
              testId={tid.waitingTable}
              caption={t('register.waiting.table')}
              headers={[t('register.waiting.person'), t('register.waiting.case'), t('register.waiting.service'), t('register.waiting.decidedOn'), t('register.fields.actions')]}
            >
              {items.map((w) => {
                const name = personName(w.person, lang);
                return (
                  <Table.Tr key={w.referralId}>
                    <Table.Th scope={ui.row}>
                      <bdi>{name}</bdi>
                    </Table.Th>
                    <Table.Td>
                      <bdi>{w.caseNumber ?? ''}</bdi>
                    </Table.Td>
                    <Table.Td>{t(`registry:enums.serviceType.${w.service}` as never)}</Table.Td>
                    <Table.Td>{formatDate(w.decidedOn ?? w.proposedOn, lang)}</Table.Td>
                    <Table.Td>
                      {mayWrite && (
                        <Button size={ui.xs} leftSection={<IconPlus size={14} aria-hidden />} aria-label={t('register.actions.admitOf', { name })}
                          onClick={() => onAdmit({ personId: w.person.id, personName: name, caseId: w.caseId, referralId: w.referralId })} data-testid={tid.admitReferral(w.referralId)}>
                          {t('register.actions.admit')}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </ScrollTable>
          )}
        </QueryStates>
      )}
    </Card>
  );
}

function RegisterCard({ institutionId, mayWrite, onAdmit }: { institutionId: string; mayWrite: boolean; onAdmit: () => void }) {
  const { t, i18n } = useTranslation('beneficiaries');
  const lang = i18n.language;
  const [year, setYear] = useState<string | null>(String(thisYear()));
  const [status, setStatus] = useState<string>(allStatuses);
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const query = useRegister(institutionId, { year: year ? Number(year) : undefined, status, q: q || undefined });
  const pages = query.data?.pages ?? [];
  const entries = pages.flatMap((p) => p.items);
  const healthVisible = pages[0]?.healthVisible ?? false;
  const [exiting, setExiting] = useState<RegisterEntry | null>(null);
  const [transferring, setTransferring] = useState<RegisterEntry | null>(null);
  const years = Array.from({ length: 8 }, (_, i) => String(thisYear() - i));
  const pdfYear = Number(year ?? thisYear());
  return (
    <Card withBorder>
      <Group justify={ui.spaceBetween} mb={ui.sm}>
        <Title order={2} size={ui.h4}>
          {t('register.title')}
        </Title>
        <Group gap={ui.xs}>
          <Anchor href={pdfUrl(institutionId, ui.ar, pdfYear)} data-testid={tid.pdfAr}>
            <Group gap={4}>
              <IconFileTypePdf size={16} aria-hidden />
              {t('register.actions.pdfAr')}
            </Group>
          </Anchor>
          <Anchor href={pdfUrl(institutionId, ui.fr, pdfYear)} data-testid={tid.pdfFr}>
            <Group gap={4}>
              <IconFileTypePdf size={16} aria-hidden />
              {t('register.actions.pdfFr')}
            </Group>
          </Anchor>
          {mayWrite && (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={onAdmit} data-testid={tid.admit}>
              {t('register.actions.admit')}
            </Button>
          )}
        </Group>
      </Group>
      <Text size={ui.sm} mb={ui.sm}>
        {t('register.notice')}
      </Text>
      <DataProtectionNotice variant={compact} />
      <SimpleGrid cols={{ base: 1, sm: 3 }} my={ui.sm}>
        <Select label={t('register.fields.year')} data={years} value={year} onChange={setYear} clearable data-testid={tid.year} />
        <Select label={t('register.fields.status')} data={registerStatuses.map((s) => ({ value: s, label: t(`register.statuses.${s}`) }))} value={status} onChange={(v) => setStatus(v ?? allStatuses)} allowDeselect={false} data-testid={tid.status} />
        <TextInput label={t('register.fields.search')} value={search} onChange={(e) => setSearch(e.currentTarget.value)} data-testid={tid.search} />
      </SimpleGrid>
      <QueryStates query={query} empty={() => entries.length === 0}>
        {() => (
          <>
            <ScrollTable
              minWidth={1100}
              testId={tid.table}
              caption={t('register.table')}
              headers={[
                t('register.fields.number'),
                t('register.fields.name'),
                t('register.fields.birth'),
                t('register.fields.cnie'),
                t('register.fields.admissionDate'),
                t('register.fields.family'),
                ...(healthVisible ? [t('register.fields.health')] : []),
                t('register.fields.exitDate'),
                t('register.fields.actions'),
              ]}
            >
              {entries.map((e) => (
                <RegisterRow key={e.id} entry={e} healthVisible={healthVisible} mayWrite={mayWrite} onExit={() => setExiting(e)} onTransfer={() => setTransferring(e)} />
              ))}
            </ScrollTable>
            <LoadMore query={query} shown={entries.length} />
          </>
        )}
      </QueryStates>
      {exiting && <ExitModal institutionId={institutionId} admissionId={exiting.id} name={personName(exiting.person, lang)} onClose={() => setExiting(null)} />}
      {transferring && <TransferModal institutionId={institutionId} admissionId={transferring.id} name={personName(transferring.person, lang)} onClose={() => setTransferring(null)} />}
    </Card>
  );
}

function RegisterRow({ entry: e, healthVisible, mayWrite, onExit, onTransfer }: { entry: RegisterEntry; healthVisible: boolean; mayWrite: boolean; onExit: () => void; onTransfer: () => void }) {
  const { t, i18n } = useTranslation('beneficiaries');
  const lang = i18n.language;
  const name = personName(e.person, lang);
  const other = otherScriptName(e.person, lang);
  const birth = e.person.birthDate ? (e.person.birthDatePrecision === 'year' ? e.person.birthDate.slice(0, 4) : formatDate(e.person.birthDate, lang)) : '';
  return (
    <Table.Tr data-testid={tid.row(e.id)}>
      <Table.Th scope={ui.row}>
        <bdi>{e.registrationNumber}</bdi>
        {e.transferredFrom && (
          <Badge ms={4} size={ui.xs} variant={ui.light}>
            {t('register.transferredFrom')}
          </Badge>
        )}
      </Table.Th>
      <Table.Td>
        <bdi>{name}</bdi>
        {other && (
          <Text size={ui.xs} c={ui.dimmed}>
            <bdi>{other}</bdi>
          </Text>
        )}
        <Text size={ui.xs}>{t(`enums.sex.${e.person.sex}`)}</Text>
      </Table.Td>
      <Table.Td>
        {birth}
        {e.person.birthPlace && (
          <Text size={ui.xs}>
            <bdi>{e.person.birthPlace}</bdi>
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <bdi>{e.person.cnie ?? ''}</bdi>
      </Table.Td>
      <Table.Td>
        {formatDate(e.admissionDate, lang)}
        {e.schoolYear && (
          <Text size={ui.xs}>
            <bdi>{e.schoolYear}</bdi>
          </Text>
        )}
        {e.overCapacityJustification && <Text size={ui.xs}>{t('register.overCapacity', { text: e.overCapacityJustification })}</Text>}
      </Table.Td>
      <Table.Td>
        {e.family.map((r, i) => (
          <Group key={i} gap={4}>
            <Text size={ui.xs}>{t('register.relationOf', { relation: t(`enums.relation.${r.relation}`) })}</Text>
            <Text size={ui.xs}>
              <bdi>{(lang === 'fr' ? (r.fullNameLat ?? r.fullNameAr) : (r.fullNameAr ?? r.fullNameLat)) ?? ''}</bdi>
            </Text>
            <Text size={ui.xs}>
              <bdi>{[r.cnie, r.phone].filter(Boolean).join(' · ')}</bdi>
            </Text>
          </Group>
        ))}
      </Table.Td>
      {healthVisible && <Table.Td>{e.healthStatus ? t(`enums.healthStatus.${e.healthStatus}`) : ''}</Table.Td>}
      <Table.Td>
        {e.exitDate ? formatDate(e.exitDate, lang) : ''}
        {e.exitReason && <Text size={ui.xs}>{t(`enums.exitReason.${e.exitReason}`)}</Text>}
      </Table.Td>
      <Table.Td>
        {mayWrite && !e.exitDate && (
          <Group gap={4} wrap={ui.nowrap}>
            <Button size={ui.xs} variant={ui.light} leftSection={<IconLogout size={14} aria-hidden />} aria-label={t('register.actions.exitOf', { name })} onClick={onExit} data-testid={tid.exit(e.id)}>
              {t('register.actions.exit')}
            </Button>
            <Button size={ui.xs} variant={ui.light} leftSection={<IconTransfer size={14} aria-hidden />} aria-label={t('register.actions.transferOf', { name })} onClick={onTransfer} data-testid={tid.transfer(e.id)}>
              {t('register.actions.transfer')}
            </Button>
          </Group>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
