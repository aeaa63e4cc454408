/**
 * The platform's list table, with its scrolling viewport reachable by keyboard: the register is
 * wider than a phone and its exited rows hold no button, so the viewport itself takes the focus
 * (WCAG 2.1.1; axe scrollable-region-focusable) and is named by the table's caption.
 */
import type { ReactNode } from 'react';
import { Table } from '@mantine/core';
import { ui } from '../../../../platform/web/index.ts';

const region = 'region';

export function ScrollTable(props: { minWidth: number; testId: string; caption: string; headers: string[]; children: ReactNode }) {
  return (
    <Table.ScrollContainer minWidth={props.minWidth} scrollAreaProps={{ viewportProps: { tabIndex: 0, role: region, 'aria-label': props.caption } }}>
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
