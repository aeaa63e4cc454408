/**
 * One association: identity, board (add, edit, remove with confirmation), its institutions
 * (linking to their pages), documents (statutes, minutes, certified accounts) and the history of
 * its row and board. Editing is offered to who may write it; the server decides (RLS) anyway.
 */
import { useState, type ReactNode } from 'react';
import { Badge, Button, Modal, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconEdit } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { AnchorLink, EmptyState, ErrorState, ListTable, LoadingState, PageHeader, formatDate, formatNumber, nameIn, ui, useCan, useCurrentUser, useParam } from '../../../../platform/web/index.ts';
import { DocumentsPanel } from '../../../../platform/documents/web/index.ts';
import { RecordHistory } from '../../../../platform/audit/web/index.ts';
import type { Association } from '../../contract/index.ts';
import { AssociationForm } from './AssociationForm.tsx';
import { BoardSection } from './BoardSection.tsx';
import { useAssociation, useSaveAssociation } from './queries.ts';
import { look, path, tid } from './constants.ts';

const ASSOCIATION = 'association';

/** Whether the user writes this association: its seat's scope or itself (as the RLS policy says). */
function useMayWrite(a: Association | undefined): boolean {
  const me = useCurrentUser();
  const can = useCan();
  if (!a || !can('registry.write')) return false;
  switch (me.scope.level) {
    case 'nation':
      return true;
    case 'region':
      return me.scope.regionId === a.regionId;
    case 'delegation':
      return me.scope.delegationId === a.delegationId;
    case 'association':
      return me.scope.associationId === a.id;
    default:
      return false;
  }
}

export function AssociationPage() {
  const { t, i18n } = useTranslation('registry');
  const lang = i18n.language;
  const id = useParam('associationId');
  const query = useAssociation(id);
  const mayWrite = useMayWrite(query.data);
  const [editing, setEditing] = useState(false);
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const a = query.data;
  const other = lang === 'ar' ? a.nameFr : a.nameAr;
  return (
    <>
      <PageHeader
        title={nameIn(a, lang)}
        back={path.list}
        actions={
          mayWrite && (
            <Button variant={ui.default} leftSection={<IconEdit size={16} aria-hidden />} onClick={() => setEditing(true)} data-testid={tid.edit}>
              {t('associations.edit')}
            </Button>
          )
        }
      >
        <Text c={ui.dimmed} data-testid={tid.title}>
          {other}
        </Text>
      </PageHeader>
      <Stack gap={ui.lg}>
        <Identity association={a} />
        <BoardSection association={a} mayWrite={mayWrite} />
        <Institutions association={a} />
        <section aria-labelledby="association-documents">
          <Title order={2} size={ui.h4} mb={ui.sm} id="association-documents">
            {t('associations.documents')}
          </Title>
          <DocumentsPanel ownerType={ASSOCIATION} ownerId={a.id} />
        </section>
        <section aria-labelledby="association-history">
          <Title order={2} size={ui.h4} mb={ui.sm} id="association-history">
            {t('associations.history')}
          </Title>
          <RecordHistory ownerType={ASSOCIATION} ownerId={a.id} />
        </section>
      </Stack>
      {editing && <EditAssociation association={a} onClose={() => setEditing(false)} />}
    </>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size={ui.sm} c={ui.dimmed}>
        {label}
      </Text>
      <Text>{children}</Text>
    </div>
  );
}

function Identity({ association: a }: { association: Association }) {
  const { t, i18n } = useTranslation('registry');
  const lang = i18n.language;
  const dash = t('associations.none');
  const expired = a.boardRenewalDate !== null && a.boardRenewalDate < new Date().toISOString().slice(0, 10);
  return (
    <Paper withBorder p={ui.md} data-testid={tid.identity}>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
        <Fact label={t('associations.legalForm')}>{t(`enums.legalForm.${a.legalForm}`)}</Fact>
        <Fact label={t('associations.status')}>{t(`enums.associationStatus.${a.status}`)}</Fact>
        <Fact label={t('associations.publicUtility')}>{a.publicUtility ? t('associations.yes') : t('associations.no')}</Fact>
        <Fact label={t('associations.receipt')}>{a.receiptNumber ? t('associations.receiptOf', { number: a.receiptNumber, date: formatDate(a.receiptDate, lang) }) : dash}</Fact>
        <Fact label={t('associations.boardRenewalDate')}>
          {a.boardRenewalDate ? formatDate(a.boardRenewalDate, lang) : dash}
          {expired && (
            <Badge ms={ui.xs} color={look.warning} variant={ui.filled} size={ui.sm}>
              {t('associations.boardExpiredBadge')}
            </Badge>
          )}
        </Fact>
        <Fact label={t('associations.rib')}>
          <span className="raaya-ltr">{a.rib ?? dash}</span>
          {a.bankName && ` · ${a.bankName}`}
        </Fact>
        <Fact label={t('associations.seat')}>
          {[lang === 'fr' ? a.communeNameFr : a.communeNameAr, lang === 'fr' ? a.provinceNameFr : a.provinceNameAr].join(t('associations.separator'))}
        </Fact>
        <Fact label={t('associations.address')}>{a.address ?? dash}</Fact>
        <Fact label={t('associations.delegation')}>{(lang === 'fr' ? a.delegationNameFr : a.delegationNameAr) ?? dash}</Fact>
        <Fact label={t('associations.phone')}>
          <span className="raaya-ltr">{a.phone ?? dash}</span>
        </Fact>
        <Fact label={t('associations.email')}>
          <span className="raaya-ltr">{a.email ?? dash}</span>
        </Fact>
      </SimpleGrid>
    </Paper>
  );
}

function Institutions({ association: a }: { association: Association }) {
  const { t, i18n } = useTranslation('registry');
  const lang = i18n.language;
  return (
    <section aria-labelledby="association-institutions">
      <Title order={2} size={ui.h4} mb={ui.sm} id="association-institutions">
        {t('associations.institutions', { n: formatNumber(a.institutionCount, lang) })}
      </Title>
      {a.institutions.length === 0 ? (
        <EmptyState />
      ) : (
        <ListTable
          minWidth={560}
          testId={tid.institutions}
          caption={t('associations.institutionsTable')}
          headers={[t('associations.institutionName'), t('associations.institutionKind'), t('associations.commune'), t('associations.capacity'), t('associations.status')]}
        >
          {a.institutions.map((i) => (
            <Table.Tr key={i.id}>
              <Table.Th scope={ui.row} fw={500}>
                <AnchorLink to={path.institution} params={{ institutionId: i.id }}>
                  {nameIn(i, lang)}
                </AnchorLink>
              </Table.Th>
              <Table.Td>{i.legalCategory ? t(`enums.legalCategory.${i.legalCategory}` as never) : i.centreType ? t(`enums.centreType.${i.centreType}` as never) : ''}</Table.Td>
              <Table.Td>{lang === 'fr' ? i.communeNameFr : i.communeNameAr}</Table.Td>
              <Table.Td>{formatNumber(i.capacityTotal, lang)}</Table.Td>
              <Table.Td>{t(`enums.institutionStatus.${i.status}` as never)}</Table.Td>
            </Table.Tr>
          ))}
        </ListTable>
      )}
    </section>
  );
}

function EditAssociation({ association, onClose }: { association: Association; onClose: () => void }) {
  const { t } = useTranslation('registry');
  const mutation = useSaveAssociation(association.id);
  return (
    <Modal opened onClose={onClose} closeButtonProps={{ 'aria-label': t('associations.close') }} title={t('associations.edit')} size={ui.xl}>
      <AssociationForm association={association} pending={mutation.isPending} error={mutation.error} onSubmit={(body) => mutation.mutate(body, { onSuccess: onClose })} />
    </Modal>
  );
}
