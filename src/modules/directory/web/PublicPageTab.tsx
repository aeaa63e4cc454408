/**
 * The institution's "Public page" tab: whether the public sees it and a link to it, the
 * publication settings, place availability, and the history of these settings (audit log).
 */
import { Anchor, Badge, Card, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconExternalLink } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { QueryStates, formatDate, ui, useCan } from '../../../platform/web/index.ts';
import { RecordHistory } from '../../../platform/audit/web/index.ts';
import type { InstitutionTabProps } from '../../registry/web/institution-tabs.ts';
import { isOperating, publicationHistoryType, type Publication } from '../contract.ts';
import { AvailabilityForm } from './AvailabilityForm.tsx';
import { PublicationForm } from './PublicationForm.tsx';
import { usePublication } from './queries.ts';
import { look, publicPageUrl, tid } from './constants.ts';

export function PublicPageTab({ institutionId }: InstitutionTabProps) {
  const can = useCan();
  const mayPublish = can('directory.publish');
  const mayEdit = can('directory.availability');
  const publication = usePublication(institutionId);
  return (
    <QueryStates query={publication} empty={() => !publication.data}>
      {() => (
        <Tab p={publication.data!} institutionId={institutionId} mayPublish={mayPublish} mayEdit={mayEdit} />
      )}
    </QueryStates>
  );
}

function Tab({ p, institutionId, mayPublish, mayEdit }: { p: Publication; institutionId: string; mayPublish: boolean; mayEdit: boolean }) {
  return (
        <Stack gap={ui.md} data-testid={tid.tab}>
          <Visibility publication={p} />
          <Card withBorder>
            {/* Keyed by the last save, so the form starts again from what was stored. */}
            <PublicationForm key={`${p.updatedAt ?? ''}|${String(p.published)}`} publication={p} mayPublish={mayPublish} />
          </Card>
          <Card withBorder>
            <AvailabilityForm key={p.availabilityUpdatedAt ?? ''} publication={p} mayEdit={mayEdit} />
          </Card>
          <History institutionId={institutionId} />
        </Stack>
  );
}

function Visibility({ publication: p }: { publication: Publication }) {
  const { t, i18n } = useTranslation('directory');
  const lang = i18n.language;
  // Plain text on white with a dark filled badge: the light tinted alerts fail WCAG AA contrast.
  return (
    <Paper withBorder p={ui.md}>
      <Stack gap={4}>
        <Group gap={ui.sm}>
          <Badge color={p.visible ? look.visibleBadge : ui.gray8} variant={ui.filled}>
            {p.visible ? t('tab.visible') : t('tab.hidden')}
          </Badge>
          <Text fw={600}>{p.visible ? t('tab.visibleTitle') : t('tab.hiddenTitle')}</Text>
        </Group>
        {p.visible ? (
          <>
            {p.publishedAt && <Text size={ui.sm}>{t('tab.publishedSince', { date: formatDate(p.publishedAt, lang) })}</Text>}
            <Anchor href={publicPageUrl(p.institutionId, lang)} target={look.blank} rel={look.noopener} size={ui.sm} data-testid={tid.publicLink(p.institutionId)}>
              <Group gap={4} component={ui.span}>
                {t('tab.openPublicPage')}
                <IconExternalLink size={14} aria-hidden />
              </Group>
            </Anchor>
          </>
        ) : (
          <Text size={ui.sm}>{p.published && !isOperating(p.status) ? t('tab.hiddenByStatus') : t('tab.hiddenNotPublished')}</Text>
        )}
      </Stack>
    </Paper>
  );
}

/** Column → label in this catalog; the published flag and the field list shown in words. */
function History({ institutionId }: { institutionId: string }) {
  const { t, i18n } = useTranslation('directory');
  const label = (key: string) => (i18n.exists(`directory:${key}`) ? t(key as never) : undefined);
  const words = (value: unknown, group: string) =>
    Array.isArray(value) ? value.map((v) => label(`${group}.${String(v)}`) ?? String(v)).join(i18n.language === 'fr' ? ', ' : '، ') : undefined;
  const valueOf = (field: string, value: unknown) => {
    if (field === 'public_fields') return words(value, 'fields');
    if (field === 'availability' && typeof value === 'string') return label(`availability.${value}`);
    return undefined;
  };
  return (
    <Stack gap={ui.sm} data-testid={tid.history}>
      <Title order={2} size={ui.h4}>
        {t('tab.history')}
      </Title>
      <RecordHistory
        ownerType={publicationHistoryType}
        ownerId={institutionId}
        tableLabel={() => t('tab.historyTable')}
        fieldLabel={(_table, field) => label(`history.${field}`)}
        valueLabel={(_table, field, value) => valueOf(field, value)}
      />
    </Stack>
  );
}
