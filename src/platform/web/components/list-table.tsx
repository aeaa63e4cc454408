/** The table every list page shows: scrolls on a phone, caption for screen readers, column headers. */
import type { ReactNode } from 'react';
import { Table } from '@mantine/core';
import { ui } from '../ui.ts';

export function ListTable(props: { minWidth: number; testId: string; caption: string; headers: string[]; children: ReactNode }) {
  return (
    <Table.ScrollContainer minWidth={props.minWidth}>
      <Table striped highlightOnHover data-testid={props.testId}>
        <caption className="raaya-visually-hidden">{props.caption}</caption>
        <Table.Thead>
          <Table.Tr>
            {props.headers.map((header) => (
              <Table.Th key={header} scope={ui.col}>
                {header}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{props.children}</Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
