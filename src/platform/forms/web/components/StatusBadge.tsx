/** Status of a version or a response as a badge with readable contrast. */
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ui } from '../../../web/index.ts';
import type { ResponseStatus, VersionStatus } from '../../contract.ts';
import { tid } from '../constants.ts';

const COLOR: Record<VersionStatus | ResponseStatus, string> = { draft: 'orange', published: 'green', retired: 'gray', submitted: 'green' };

export function StatusBadge({ status }: { status: VersionStatus | ResponseStatus }) {
  const { t } = useTranslation('forms');
  return (
    <Badge variant={ui.light} color={COLOR[status]} c={ui.dark} tt={ui.none} data-testid={tid.versionStatus} data-status={status}>
      {t(`status.${status}`)}
    </Badge>
  );
}
