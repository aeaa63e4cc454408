/** A titled card of the convention page, with the approval state of its section when it has one. */
import type { ReactNode } from 'react';
import { Alert, Badge, Group, Paper, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ui } from '../../../../platform/web/index.ts';
import { stateColor } from '../../../../platform/approvals/web/index.ts';
import type { Convention } from '../../server/conventions/contract.ts';
import { dom, tid } from './constants.ts';

const stateOpen = 'open';

export function SectionCard({ id, title, convention, approvalSection, children }: { id: string; title: string; convention?: Convention; approvalSection?: 'terms' | 'funding'; children: ReactNode }) {
  const { t: tA } = useTranslation('approvals');
  const state = approvalSection && convention ? (convention.submission?.sections.find((s) => s.key === approvalSection)?.state ?? stateOpen) : null;
  return (
    <Paper withBorder p={ui.lg} component={ui.section} aria-labelledby={dom.sectionTitle(id)} data-testid={tid.section(id)}>
      <Group justify={ui.spaceBetween} mb={ui.md}>
        <Title order={2} size={ui.h4} id={dom.sectionTitle(id)}>
          {title}
        </Title>
        {state && (
          <Badge color={stateColor[state]} variant={ui.filled} data-testid={tid.sectionState(id)}>
            {tA(`states.${state}`)}
          </Badge>
        )}
      </Group>
      {children}
    </Paper>
  );
}


export function Saved({ show, id }: { show: boolean; id: string }) {
  const { t } = useTranslation('subsidies');
  if (!show) return null;
  return (
    <Alert color={ui.green} variant={ui.light} role={ui.status} data-testid={tid.saved(id)}>
      {t('conventions.page.saved')}
    </Alert>
  );
}
