/** A read-only field of a record: its label above its value (a description list entry). */
import type { ReactNode } from 'react';
import { Box, Text } from '@mantine/core';
import { ui } from '../../../../../platform/web/index.ts';

export function Field({ label, children, lang, ltr }: { label: string; children: ReactNode; lang?: string; ltr?: boolean }) {
  return (
    <Box>
      <Text size={ui.xs} c={ui.dimmed} fw={500}>
        {label}
      </Text>
      <Text lang={lang} dir={ltr ? ui.ltr : undefined} className={ltr ? 'raaya-ltr' : undefined}>
        {children}
      </Text>
    </Box>
  );
}
