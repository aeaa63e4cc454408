/** One labelled figure or fact in a bordered box: the summaries at the top of a record's page. */
import type { ReactNode } from 'react';
import { Paper, Text } from '@mantine/core';
import { ui } from '../ui.ts';

export interface FactProps {
  label: string;
  children: ReactNode;
  /** Numbers and amounts keep their left-to-right order inside a right-to-left page. */
  ltr?: boolean;
  testId?: string;
}

export function Fact({ label, children, ltr, testId }: FactProps) {
  return (
    <Paper withBorder p={ui.sm}>
      <Text size={ui.sm} c={ui.dimmed}>
        {label}
      </Text>
      <Text component={ui.span} fw={500} className={ltr ? 'raaya-ltr' : undefined} data-testid={testId}>
        {children}
      </Text>
    </Paper>
  );
}
