/** The cells every list of case files starts with: number (row header, linked), person, stage, target group. */
import { Badge, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AnchorLink, ui } from '../../../../../platform/web/index.ts';
import type { CaseSummary } from '../../../contract/cases.ts';
import { path } from '../constants.ts';
import { personName, stageColor } from '../format.ts';

export function CaseCells({ item: c }: { item: CaseSummary }) {
  const { t, i18n } = useTranslation('beneficiaries');
  const { t: tR } = useTranslation('registry');
  return (
    <>
      <Table.Th scope={ui.row} fw={500}>
        <AnchorLink to={path.case} params={{ caseId: c.id }}>
          <bdi>{c.number}</bdi>
        </AnchorLink>
      </Table.Th>
      <Table.Td>
        <bdi>{personName(c.person, i18n.language)}</bdi>
      </Table.Td>
      <Table.Td>
        <Badge color={stageColor[c.stage]} variant={ui.filled}>
          {t(`enums.caseStage.${c.stage}`)}
        </Badge>
      </Table.Td>
      <Table.Td>{c.targetGroup ? tR(`enums.targetGroup.${c.targetGroup}`) : ''}</Table.Td>
    </>
  );
}
