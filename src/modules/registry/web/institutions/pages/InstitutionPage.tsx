/**
 * An institution's page: its name, status and licence (number and date, shown on every page of
 * the institution), and the tabs the registry's parts register (institutionTabs()). The tab in
 * view is kept in the address (?tab=governance), so a link can open it.
 */
import { Suspense } from 'react';
import { Badge, Group, Tabs, Text } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ButtonLink, ErrorState, LoadingState, PageHeader, formatDate, nameIn, ui, useCan, useCurrentUser, useParam } from '../../../../../platform/web/index.ts';
import { institutionTabs } from '../../institution-tabs.ts';
import { useInstitution } from '../queries.ts';
import { path, tid } from '../constants.ts';
import { statusColor } from '../status.ts';

export function InstitutionPage() {
  const { t, i18n } = useTranslation('registry');
  const lang = i18n.language;
  const id = useParam('institutionId');
  const me = useCurrentUser();
  const can = useCan();
  const mayWrite = can('registry.write');
  const navigate = useNavigate();
  const search = useSearch({ strict: false }) as Record<string, unknown>;
  const institution = useInstitution(id);
  const tabs = institutionTabs(me.permissions);
  if (institution.isPending) return <LoadingState />;
  if (institution.isError) return <ErrorState error={institution.error} onRetry={() => void institution.refetch()} />;
  const inst = institution.data;
  const current = typeof search.tab === 'string' && tabs.some((tab) => tab.key === search.tab) ? search.tab : (tabs[0]?.key ?? null);
  return (
    <>
      <PageHeader
        title={nameIn(inst, lang)}
        back={path.list}
        actions={
          mayWrite && (
            <ButtonLink to={path.edit} params={{ institutionId: id }} variant={ui.outline} leftSection={<IconPencil size={16} aria-hidden />} data-testid={tid.edit}>
              {t('institutions.page.edit')}
            </ButtonLink>
          )
        }
      >
        <Group gap={ui.sm} wrap={ui.wrap}>
          <Text c={ui.dimmed} data-testid={tid.title}>
            {nameIn({ nameAr: inst.nameFr, nameFr: inst.nameAr }, lang)}
          </Text>
          <Badge color={statusColor[inst.status]} variant={ui.filled}>
            {t(`enums.institutionStatus.${inst.status}`)}
          </Badge>
          <Text size={ui.sm} data-testid={tid.licence}>
            {inst.licenceNumber && inst.licenceDate
              ? t('institutions.page.licence', { number: inst.licenceNumber, date: formatDate(inst.licenceDate, lang) })
              : t('institutions.page.noLicence')}
          </Text>
        </Group>
      </PageHeader>
      <Tabs
        value={current}
        onChange={(tab) => void navigate({ to: path.page, params: { institutionId: id }, search: { tab: tab ?? undefined } as never, replace: true })}
        keepMounted={false}
        data-testid={tid.tabs}
      >
        <Tabs.List aria-label={t('institutions.page.tabs')}>
          {tabs.map((tab) => (
            <Tabs.Tab key={tab.key} value={tab.key} data-testid={tid.tab(tab.key)}>
              {t(tab.labelKey as never)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {tabs.map((tab) => (
          <Tabs.Panel key={tab.key} value={tab.key} pt={ui.md}>
            <Suspense fallback={<LoadingState />}>
              <tab.component institutionId={id} />
            </Suspense>
          </Tabs.Panel>
        ))}
      </Tabs>
    </>
  );
}
