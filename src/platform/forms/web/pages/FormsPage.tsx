/** Forms: search, purpose filter, keyset paging; designers create new ones. */
import { useState } from 'react';
import { Badge, Group, Select, Table, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { AnchorLink, ButtonLink, ListTable, LoadMore, PageHeader, QueryStates, formatDate, ui, useCan } from '../../../web/index.ts';
import { FormPurpose, type Form } from '../../contract.ts';
import { path, tid } from '../constants.ts';
import { useForms } from '../queries.ts';

/** The version to open: the draft for a designer, else the latest published one. */
export const versionToOpen = (form: Form, designer: boolean) =>
  (designer ? form.versions.find((v) => v.status === 'draft') : undefined) ?? form.versions.find((v) => v.status === 'published') ?? form.versions[0];

export function FormsPage() {
  const { t, i18n } = useTranslation('forms');
  const lang = i18n.language;
  const can = useCan();
  const designer = can('forms.design');
  const [q, setQ] = useState('');
  const [purpose, setPurpose] = useState<string | null>(null);
  const [debouncedQ] = useDebouncedValue(q.trim(), 300);
  const purposeFilter = FormPurpose.safeParse(purpose);
  const query = useForms({ q: debouncedQ || undefined, purpose: purposeFilter.success ? purposeFilter.data : undefined, published: designer ? undefined : 'true' });
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <PageHeader
        title={t('list.title')}
        actions={
          designer && (
            <ButtonLink to={path.formsNew} leftSection={<IconPlus size={18} aria-hidden />} data-testid={tid.createForm}>
              {t('list.create')}
            </ButtonLink>
          )
        }
      />
      <Group align={ui.flexEnd} mb={ui.md} wrap={ui.wrap}>
        <TextInput
          label={t('list.search')}
          type="search"
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          leftSection={<IconSearch size={16} aria-hidden />}
          w={{ base: '100%', sm: 300 }}
          data-testid={tid.formsSearch}
        />
        <Select
          label={t('list.purpose')}
          placeholder={t('list.allPurposes')}
          data={FormPurpose.options.map((p) => ({ value: p, label: t(`purposes.${p}`) }))}
          value={purpose}
          onChange={setPurpose}
          clearable
          w={{ base: '100%', sm: 260 }}
          data-testid={tid.formsPurpose}
        />
      </Group>
      <QueryStates query={query} empty={() => items.length === 0}>
        {() => (
          <>
            <ListTable minWidth={720} testId={tid.formsTable} caption={t('list.table')} headers={[t('list.formTitle'), t('list.purpose'), t('list.versions'), t('list.publishedAt')]}>
              {items.map((f) => {
                const open = versionToOpen(f, designer);
                const published = f.versions.find((v) => v.status === 'published');
                const draft = f.versions.find((v) => v.status === 'draft');
                return (
                  <Table.Tr key={f.id}>
                    <Table.Th scope={ui.row} fw={500}>
                      {open ? (
                        <AnchorLink to={path.version} params={{ versionId: open.id }}>
                          {lang === 'fr' ? f.titleFr : f.titleAr}
                        </AnchorLink>
                      ) : lang === 'fr' ? (
                        f.titleFr
                      ) : (
                        f.titleAr
                      )}
                    </Table.Th>
                    <Table.Td>{t(`purposes.${f.purpose}`)}</Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap={ui.wrap}>
                        {published && <Badge variant={ui.light} color={ui.green} c={ui.dark} tt={ui.none}>{t('list.publishedVersion', { n: published.version })}</Badge>}
                        {draft && designer && <Badge variant={ui.light} color={ui.orange} c={ui.dark} tt={ui.none}>{t('list.draftVersion', { n: draft.version })}</Badge>}
                      </Group>
                    </Table.Td>
                    <Table.Td>{published ? formatDate(published.publishedAt, lang) : t('list.never')}</Table.Td>
                  </Table.Tr>
                );
              })}
            </ListTable>
            <LoadMore query={query} shown={items.length} />
          </>
        )}
      </QueryStates>
    </>
  );
}
