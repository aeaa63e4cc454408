/**
 * The information notice of law 09-08 art. 5, shown on every form that collects personal data
 * (reception form, institution register, public request form): who the controller is, why the
 * data is collected, who receives it, which answers are mandatory, the rights of access and
 * rectification and where to exercise them, and the CNDP authorisation reference. Art. 5 wants it
 * on the collection form itself, so the compact form keeps the summary visible and folds the rest.
 */
import { useState } from 'react';
import { Anchor, Collapse, List, Paper, Stack, Text, Title } from '@mantine/core';
import { IconShieldLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ui } from '../../../../platform/web/index.ts';
import { BUTTON, CNDP_AUTHORISATION_REFERENCE, noticeTid } from './constants.ts';

const ITEMS = ['controller', 'purposes', 'recipients', 'answers', 'rights', 'where', 'authorisation'] as const;

export interface DataProtectionNoticeProps {
  /** 'compact' (phone forms): summary always shown, details folded behind a link. */
  variant?: 'full' | 'compact';
  /** The CNDP authorisation reference of the processing (defaults to the deployment's; while none is
   * issued the notice says the authorisation has been requested). */
  cndpReference?: string | null;
}

export function DataProtectionNotice({ variant = 'full', cndpReference = CNDP_AUTHORISATION_REFERENCE }: DataProtectionNoticeProps) {
  const { t } = useTranslation('beneficiaries');
  const [open, setOpen] = useState(variant === 'full');
  const headingId = 'data-protection-notice-title';
  return (
    <Paper withBorder p={ui.md} component={ui.section} aria-labelledby={headingId} data-testid={noticeTid.root}>
      <Stack gap={ui.xs}>
        <Title order={2} size={ui.h5} id={headingId}>
          <IconShieldLock size={18} aria-hidden /> {t('privacy.notice.title')}
        </Title>
        <Text size={ui.sm}>{t('privacy.notice.summary')}</Text>
        {variant === 'compact' && (
          <Anchor component={BUTTON} type={BUTTON} size={ui.sm} onClick={() => setOpen((o) => !o)} aria-expanded={open} data-testid={noticeTid.toggle}>
            {open ? t('privacy.notice.hide') : t('privacy.notice.show')}
          </Anchor>
        )}
        <Collapse expanded={open}>
          <List size={ui.sm} spacing={4} data-testid={noticeTid.items}>
            {ITEMS.map((item) => (
              <List.Item key={item}>
                <Text span fw={600} size={ui.sm}>{t(`privacy.notice.${item}.label`)}</Text>{' '}
                <Text span size={ui.sm}>{item === 'authorisation' && !cndpReference ? t('privacy.notice.authorisation.pending') : t(`privacy.notice.${item}.text`, { reference: cndpReference })}</Text>
              </List.Item>
            ))}
          </List>
        </Collapse>
      </Stack>
    </Paper>
  );
}
