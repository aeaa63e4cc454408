/**
 * A wide table (twelve months of figures) in a region that scrolls sideways and that the keyboard
 * can reach (it takes the focus, so arrow keys scroll it), named by its caption.
 */
import type { ReactNode } from 'react';
import { Table } from '@mantine/core';
import { ui } from '../../../../platform/web/index.ts';
import { look } from './constants.ts';

export function ScrollTable(props: { minWidth: number; testId: string; caption: string; headers: string[]; children: ReactNode }) {
  return (
    <div tabIndex={0} role={look.region} aria-label={props.caption} style={look.scroll}>
      <Table striped highlightOnHover miw={props.minWidth} data-testid={props.testId}>
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
    </div>
  );
}
