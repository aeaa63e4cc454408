/** Badge colours of the licensing status (shared by the list and the page): dark enough for white text (WCAG AA). */
import type { InstitutionStatus } from '../../contract/enums.ts';
import type { z } from 'zod';

export const statusColor: Record<z.infer<typeof InstitutionStatus>, string> = {
  pending: 'blue.9',
  authorised: 'teal.9',
  refused: 'red.9',
  // Mantine's orange.9 gives white text 4.3:1 only; this burnt orange gives 6.6:1.
  suspended: '#a33b07',
  withdrawn_temporarily: '#a33b07',
  withdrawn_permanently: 'red.9',
  closing: 'gray.7',
  closed: 'gray.7',
};
